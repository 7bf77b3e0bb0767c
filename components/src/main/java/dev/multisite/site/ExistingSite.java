package dev.multisite.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.topology.SiteSpec;

import java.io.IOException;
import java.util.Optional;

/**
 * A cluster that already exists (bare metal, or a provider without a Pulumi SDK here). No cloud
 * resources: the site is its Kubernetes provider, made from a kubeconfig that arrives as a Pulumi
 * secret (stack config key named by {@code existing.kubeconfig}).
 */
public final class ExistingSite extends SiteComponent {
    public static final String TYPE = "multisite:site:ExistingSite";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ExistingSite(SiteSpec spec, Output<String> kubeconfig, ComponentResourceOptions options) {
        super(TYPE, spec, options);
        Output<String> secretKubeconfig = kubeconfig.asSecret();
        // The endpoint is read from the kubeconfig's selected cluster; it is not secret on its own.
        Output<String> endpoint = secretKubeconfig.applyValue(text -> KubeconfigView.parse(text, spec.existing().context()).server()).asPlaintext();
        complete(Output.of(spec.name()), endpoint, selectContext(secretKubeconfig, spec.existing().context()), Optional.empty());
    }

    private static Output<String> selectContext(Output<String> kubeconfig, String context) {
        if (context == null) {
            return kubeconfig;
        }
        return kubeconfig.applyValue(text -> {
            try {
                var doc = (com.fasterxml.jackson.databind.node.ObjectNode) YAML.readTree(text);
                doc.put("current-context", context);
                return YAML.writeValueAsString(doc);
            } catch (IOException | ClassCastException e) {
                throw new IllegalArgumentException("the kubeconfig for this existing site is not a kubeconfig document", e);
            }
        });
    }
}
