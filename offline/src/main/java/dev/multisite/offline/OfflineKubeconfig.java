package dev.multisite.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-in kubeconfigs for the offline plan: a real kubeconfig never leaves the encrypted stack
 * config, so the plan uses a well-formed document pointing at an {@code .offline} address.
 */
public final class OfflineKubeconfig {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private OfflineKubeconfig() {
    }

    public static String render(String name, String server) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "Config");
        doc.put("clusters", List.of(Map.of("name", name, "cluster", Map.of("server", server, "certificate-authority-data", PlanMocks.FAKE_CA))));
        doc.put("users", List.of(Map.of("name", name, "user", Map.of("token", "offline-placeholder"))));
        doc.put("contexts", List.of(Map.of("name", name, "context", Map.of("cluster", name, "user", name))));
        doc.put("current-context", name);
        try {
            return YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The placeholder for an {@code existing} site's secret kubeconfig config key. */
    public static String forConfigKey(String key) {
        return render(key, "https://" + key + ".offline.invalid:6443");
    }
}
