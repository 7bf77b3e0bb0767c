package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A topology back as the JSON a stack file holds under {@code multisite:topology}: record
 * components only (no derived accessors), enums and CIDRs as their text, unset values left out.
 * Parsing the result gives an equal topology; a topology built in code takes this way into the
 * parser (and so gets its checks and messages) and into the {@code Fleet} component's args.
 */
public final class TopologyJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);

    private TopologyJson() {
    }

    public static JsonNode of(Topology topology) {
        return JSON.valueToTree(topology);
    }
}
