package dev.multisite.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The package schema in the form the Pulumi CLI itself writes it, so that
 * {@code pulumi package get-schema ./package} prints exactly what the plugin serves. The CLI reads
 * the served JSON into its {@code schema.PackageSpec} and writes that back (pulumi/pulumi
 * pkg/cmd/pulumi/packagecmd/package_extract_schema.go, json.MarshalIndent): fields tagged
 * {@code omitempty} disappear when empty ({@code required} and {@code requiredInputs} of
 * pkg/codegen/schema ObjectTypeSpec and ResourceSpec), and {@code config}, which is not, is always
 * there. The SDK's inferred schema (pulumi-java 1.36.1) writes empty {@code required} lists and no
 * {@code config}; RealPackageTest compares both with the real CLI.
 */
final class PackageSpecForm {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OMITTED_WHEN_EMPTY = List.of("required", "requiredInputs");

    private PackageSpecForm() {
    }

    static String of(String schema) {
        try {
            ObjectNode spec = (ObjectNode) JSON.readTree(schema);
            if (!spec.has("config")) {
                spec.putObject("config");
            }
            for (String section : List.of("resources", "types")) {
                for (JsonNode entry : spec.path(section)) {
                    if (entry instanceof ObjectNode object) {
                        OMITTED_WHEN_EMPTY.forEach(field -> {
                            if (object.path(field).isArray() && object.path(field).isEmpty()) {
                                object.remove(field);
                            }
                        });
                    }
                }
            }
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the inferred package schema is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
