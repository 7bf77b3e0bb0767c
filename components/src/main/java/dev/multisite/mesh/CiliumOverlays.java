package dev.multisite.mesh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.topology.CloudProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-provider values overlays ({@code cilium-mesh/values/<provider>.yaml}, on the classpath),
 * and the one deep merge that lays the mesh's own values over them.
 */
final class CiliumOverlays {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CiliumOverlays() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(CloudProvider provider) {
        String resource = "values/" + provider.key() + ".yaml";
        try (InputStream in = CiliumOverlays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing Cilium overlay " + resource);
            }
            return YAML.readValue(in, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code top} over {@code base}: nested maps merge key by key, anything else in {@code top} wins. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> top) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        top.forEach((key, value) -> {
            Object existing = out.get(key);
            if (existing instanceof Map && value instanceof Map) {
                out.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) value));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }
}
