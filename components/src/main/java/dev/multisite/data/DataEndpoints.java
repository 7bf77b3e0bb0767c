package dev.multisite.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.site.Site;
import dev.multisite.topology.DataSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one site is told of the data tier, through its own Kubernetes provider: a ConfigMap of the
 * write and read hosts per partition and a Secret with the connection's user and credential
 * reference. Written by {@link DatabaseTopology} in one stack, by the data-endpoints part in fleet mode.
 */
public final class DataEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DataEndpoints() {
    }

    /**
     * @param partitions    the partitions, the first one's hosts also as the defaults
     * @param writes        per partition (same order), its write host
     * @param reads         per partition, the host this site reads from (a local node, else the primary)
     * @param local         whether the site reads every partition from a local node
     * @param credentialRef the first partition's primary's credential reference; "" means IAM authentication
     * @param options       the site's Kubernetes provider, and where the two resources go
     */
    public static void write(Site site, DataSettings data, List<String> partitions, List<Output<String>> writes, List<Output<String>> reads,
                             boolean local, Output<String> credentialRef, Output<String> user, CustomResourceOptions.Builder options) {
        // Aliased to the stack's root: where `pulumi state move` puts these in the data-endpoints part,
        // whose data tier is a copy left behind (fleet migrate; state_move.go in pulumi/pulumi).
        options.aliases(Alias.noParent());
        Output<Map<String, String>> config = Output.tuple(Output.all(writes), Output.all(reads)).applyValue(t -> {
            Map<String, Map<String, String>> authority = new LinkedHashMap<>();
            for (int i = 0; i < partitions.size(); i++) {
                // Ordered: Map.of iterates in a per-JVM random order, and the ConfigMap (and plan) must not change run to run.
                Map<String, String> hosts = new LinkedHashMap<>();
                hosts.put("write", t.t1.get(i));
                hosts.put("read", t.t2.get(i));
                authority.put(partitions.get(i), hosts);
            }
            Map<String, String> map = new LinkedHashMap<>();
            map.put("MULTISITE_SITE", site.name());
            map.put("MULTISITE_DB_WRITE_HOST", t.t1.get(0));
            map.put("MULTISITE_DB_READ_HOST", t.t2.get(0));
            map.put("MULTISITE_DB_PORT", String.valueOf(DatabaseNode.PORT));
            map.put("MULTISITE_DB_NAME", data.database());
            map.put("MULTISITE_DB_READ_MODE", local ? "local-replica" : "remote-primary");
            map.put("MULTISITE_DB_PARTITIONS", toJson(authority));
            return map;
        });
        var configMap = new ConfigMap(site.name() + "-data-endpoints", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(DatabaseTopology.CONFIG_MAP).namespace(site.systemNamespace()).build())
                .data(config)
                .build(), options.build());
        Output<Map<String, String>> credentials = Output.tuple(writes.get(0), credentialRef, user).applyValue(t -> Map.of(
                "MULTISITE_DB_USER", t.t3,
                "MULTISITE_DB_CREDENTIAL_REF", t.t2.isEmpty() ? "iam-authentication" : t.t2,
                "MULTISITE_DB_WRITE_URL", "postgresql://" + t.t3 + "@" + t.t1 + ":" + DatabaseNode.PORT + "/" + data.database() + "?sslmode=require"));
        new Secret(site.name() + "-data-credentials", SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(DatabaseTopology.SECRET).namespace(site.systemNamespace()).build())
                .stringData(credentials.asSecret())
                .build(), options.dependsOn(configMap).build());
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
