package dev.multisite.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.core.Output;
import dev.multisite.site.KubeconfigView;
import dev.multisite.site.Site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code stringData} of an Argo CD cluster Secret for one site, always a Pulumi secret.
 *
 * <ul>
 *   <li>in-cluster (per-site mode, or the hub itself): {@code https://kubernetes.default.svc}, the
 *       controller's own service account;</li>
 *   <li>EKS from a hub: {@code awsAuthConfig} (the controller's IAM identity, granted an EKS access entry);</li>
 *   <li>GKE and AKS from a hub: {@code execProviderConfig} with {@code argocd-k8s-auth gcp|azure}
 *       (Workload Identity; no stored credential);</li>
 *   <li>existing clusters from a hub: the bearer token of the site's secret kubeconfig.</li>
 * </ul>
 */
final class ClusterRegistration {
    static final String IN_CLUSTER = "https://kubernetes.default.svc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterRegistration() {
    }

    static Output<Map<String, String>> inCluster(Site site) {
        ObjectNode config = JSON.createObjectNode();
        config.putObject("tlsClientConfig").put("insecure", false);
        return Output.ofSecret(data(site.name(), IN_CLUSTER, config));
    }

    static Output<Map<String, String>> remote(Site site) {
        return Output.tuple(site.kubeconfig(), site.clusterName()).applyValue(t -> {
            KubeconfigView view = KubeconfigView.parse(t.t1, site.spec().existing() == null ? null : site.spec().existing().context());
            ObjectNode config = JSON.createObjectNode();
            // A switch expression: a new provider does not compile until its credentials are decided.
            ObjectNode credentials = switch (site.provider()) {
                case AWS -> config.putObject("awsAuthConfig").put("clusterName", t.t2);
                case GCP -> exec(config, "gcp").putObject("env");
                case AZURE -> exec(config, "azure").putObject("env").put("AAD_LOGIN_METHOD", "workloadidentity");
                case EXISTING -> config.put("bearerToken", view.token());
            };
            config.putObject("tlsClientConfig").put("insecure", false).put("caData", view.caData());
            return data(site.name(), view.server(), config);
        }).asSecret();
    }

    private static ObjectNode exec(ObjectNode config, String cloud) {
        ObjectNode exec = config.putObject("execProviderConfig");
        exec.put("command", "argocd-k8s-auth");
        exec.putArray("args").add(cloud);
        exec.put("apiVersion", "client.authentication.k8s.io/v1beta1");
        return exec;
    }

    private static Map<String, String> data(String name, String server, ObjectNode config) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("server", server);
        data.put("config", config.toString());
        return data;
    }
}
