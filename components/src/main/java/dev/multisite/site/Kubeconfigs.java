package dev.multisite.site;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Kubeconfig documents whose credentials come from an exec plugin ({@code aws eks get-token},
 * {@code gke-gcloud-auth-plugin}): no long-lived token is ever written into state.
 */
final class Kubeconfigs {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private Kubeconfigs() {
    }

    /** The credential plugin a kubeconfig runs to get a short-lived token. */
    record ExecPlugin(String command, List<String> args, List<EnvVar> env, String installHint) {
    }

    record EnvVar(String name, String value) {
    }

    private record Exec(String apiVersion, String command, List<String> args, List<EnvVar> env,
                        String interactiveMode, boolean provideClusterInfo, String installHint) {
    }

    private record Cluster(String server, @JsonProperty("certificate-authority-data") String certificateAuthorityData) {
    }

    private record NamedCluster(String name, Cluster cluster) {
    }

    private record User(Exec exec) {
    }

    private record NamedUser(String name, User user) {
    }

    private record Context(String cluster, String user) {
    }

    private record NamedContext(String name, Context context) {
    }

    private record Document(String apiVersion, String kind, List<NamedCluster> clusters, List<NamedUser> users,
                            List<NamedContext> contexts, @JsonProperty("current-context") String currentContext) {
    }

    static String exec(String contextName, String server, String caDataBase64, ExecPlugin plugin) {
        var exec = new Exec("client.authentication.k8s.io/v1beta1", plugin.command(), plugin.args(), plugin.env(),
                "Never", false, plugin.installHint());
        var doc = new Document("v1", "Config",
                List.of(new NamedCluster(contextName, new Cluster(server, caDataBase64))),
                List.of(new NamedUser(contextName, new User(exec))),
                List.of(new NamedContext(contextName, new Context(contextName, contextName))),
                contextName);
        try {
            return YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
