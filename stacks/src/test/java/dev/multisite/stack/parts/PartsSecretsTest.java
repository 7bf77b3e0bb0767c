package dev.multisite.stack.parts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.offline.OfflineEngine;
import dev.multisite.offline.PlannedResource;
import dev.multisite.parts.PartGraph;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.plan.PartPlanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets stay secrets across parts: what a part exports as a secret is marked so for the stack
 * reference, and what a part reads as a secret (the mesh CA key, a kubeconfig) reaches its
 * resources' inputs only as a secret, never as the plain value.
 */
class PartsSecretsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, OfflineEngine.Run> runs;

    @BeforeAll
    static void planProd() {
        runs = PartPlanner.run("prod", ExampleStacks.read("prod").topology(), PartGraph.of(ExampleStacks.read("prod").topology()).names());
    }

    private static PlannedResource named(String part, String name) {
        return runs.get(part).plan().resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in part " + part));
    }

    @Test
    void thePartsExportTheirSecretsAsSecrets() {
        assertThat(runs.get("shared").outputs().secretNames()).contains("meshCaKey").doesNotContain("meshCaCertificate");
        assertThat(runs.get("site-az-weu").outputs().secretNames()).containsExactly("kubeconfig");
        assertThat(runs.get("links").outputs().secretNames()).contains("onPremVpn");
        assertThat(runs.get("site-az-weu").plan().outputs().get("kubeconfig").asText()).isEqualTo("[secret]");
    }

    @Test
    void theMeshCaKeyReachesEachSitesCiliumOnlyAsASecret() throws Exception {
        String key = (String) runs.get("shared").outputs().values().get("meshCaKey");
        assertThat(key).isNotBlank();
        var release = named("site-gcp-euw4", "gcp-euw4-cilium");
        assertThat(release.inputs().path("values").path("tls").path("ca").path("key").asText()).isEqualTo("[secret]");
        for (var run : runs.values()) {
            assertThat(JSON.writeValueAsString(run.plan().resources())).doesNotContain(key);
        }
    }

    @Test
    void kubeconfigsReadFromSitePartsStaySecretInThePartsThatUseThem() throws Exception {
        String kubeconfig = (String) runs.get("site-aws-use1").outputs().values().get("kubeconfig");
        var provider = runs.get("gitops").plan().resources().stream()
                .filter(r -> r.isProvider() && r.name().equals("aws-use1-k8s")).findFirst().orElseThrow();
        assertThat(provider.inputs().path("kubeconfig").asText()).isEqualTo("[secret]");
        for (String part : new String[]{"gitops", "data", "data-endpoints"}) {
            assertThat(JSON.writeValueAsString(runs.get(part).plan().resources())).as(part).doesNotContain(kubeconfig);
        }
    }

    @Test
    void preSharedKeysAreSecretsOnBothEndsOfALink() {
        var vpn = runs.get("links").plan().resources().stream().filter(r -> r.type().equals("aws:ec2/vpnConnection:VpnConnection"))
                .findFirst().orElseThrow();
        assertThat(vpn.inputs().path("tunnel1PresharedKey").asText()).isEqualTo("[secret]");
        assertThat(vpn.inputs().path("tunnel2PresharedKey").asText()).isEqualTo("[secret]");
    }
}
