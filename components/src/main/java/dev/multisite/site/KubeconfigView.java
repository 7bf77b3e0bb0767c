package dev.multisite.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;

/**
 * What a kubeconfig says about its selected context: the server, the CA data and a static token if
 * it has one. Read inside {@code apply}, so its values stay as secret as the kubeconfig.
 */
public record KubeconfigView(String server, String caData, String token) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** @param context the context to read, or null for the current context */
    public static KubeconfigView parse(String kubeconfig, String context) {
        try {
            JsonNode doc = YAML.readTree(kubeconfig);
            String ctx = context != null ? context : doc.path("current-context").asText("");
            String cluster = "";
            String user = "";
            for (JsonNode c : doc.path("contexts")) {
                if (c.path("name").asText().equals(ctx)) {
                    cluster = c.path("context").path("cluster").asText();
                    user = c.path("context").path("user").asText();
                }
            }
            JsonNode clusterNode = find(doc.path("clusters"), cluster).path("cluster");
            JsonNode userNode = find(doc.path("users"), user).path("user");
            return new KubeconfigView(clusterNode.path("server").asText(""), clusterNode.path("certificate-authority-data").asText(""),
                    userNode.path("token").asText(""));
        } catch (IOException e) {
            return new KubeconfigView("", "", "");
        }
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
