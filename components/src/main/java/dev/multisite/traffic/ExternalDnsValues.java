package dev.multisite.traffic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * The values Multisite sets on the official ExternalDNS chart (1.21.x schema), typed; converted
 * to the Helm values map at the edge.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ExternalDnsValues(Provider provider, List<String> sources, List<String> domainFilters, String policy, String registry,
                         String txtOwnerId, String txtPrefix, String interval, List<EnvVar> env, List<Map<String, Object>> extraVolumes,
                         List<Map<String, Object>> extraVolumeMounts, ServiceAccount serviceAccount, List<String> extraArgs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Provider(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EnvVar(String name, String value, Map<String, Object> valueFrom) {
        static EnvVar of(String name, String value) {
            return new EnvVar(name, value, null);
        }

        static EnvVar fromSecret(String name, String secret, String key) {
            return new EnvVar(name, null, Map.of("secretKeyRef", Map.of("name", secret, "key", key)));
        }
    }

    /** {@code serviceAccount}: created by the chart, with its name and (GKE Workload Identity) annotations. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ServiceAccount(boolean create, String name, Map<String, String> annotations) {
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> toMap() {
        return JSON.convertValue(this, Map.class);
    }
}
