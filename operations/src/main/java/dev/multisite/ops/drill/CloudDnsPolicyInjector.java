package dev.multisite.ops.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

/**
 * Drains a site on Cloud DNS through the Cloud DNS API: reads the global name's record set
 * ({@code GET .../managedZones/{zone}/rrsets/{name}/A}), takes the site's external endpoint out of
 * its routing policy (a weighted item gets weight 0, a geolocation or backup item holding only that
 * endpoint is left out) and writes it back ({@code PATCH} of the same path; Cloud DNS API v1,
 * resourceRecordSets.get and .patch). The record set is never deleted; restore writes back the
 * policy read before the drain. The OAuth access token comes from the caller (e.g. {@code gcloud
 * auth print-access-token}), never from a file or a log.
 */
public final class CloudDnsPolicyInjector implements FailureInjector {
    static final URI API = URI.create("https://dns.googleapis.com/dns/v1/");

    private final BearerJsonApi api;
    private final String site;
    private final String project;
    private final String managedZone;
    private final String hostname;
    private final String endpoint;
    private JsonNode before;

    /**
     * @param hostname the global hostname, without the trailing dot
     * @param endpoint the site's external endpoint (IPv4) in the routing policy
     */
    public CloudDnsPolicyInjector(HttpClient http, URI api, String site, String project, String managedZone, String hostname,
                                  String endpoint, String accessToken) {
        this.api = new BearerJsonApi(http, api, accessToken);
        this.site = site;
        this.project = project;
        this.managedZone = managedZone;
        this.hostname = hostname;
        this.endpoint = endpoint;
    }

    public static CloudDnsPolicyInjector of(String site, String project, String managedZone, String hostname, String endpoint, String accessToken) {
        return new CloudDnsPolicyInjector(BearerJsonApi.client(), API, site, project,
                managedZone, hostname, endpoint, accessToken);
    }

    @Override
    public String describe() {
        return "take " + site + " (" + endpoint + ") out of the Cloud DNS routing policy of " + hostname + " in zone " + managedZone;
    }

    @Override
    public void inject() throws IOException, InterruptedException {
        JsonNode current = send("GET", null);
        before = current;
        send("PATCH", drained(current, endpoint));
    }

    @Override
    public void restore() throws IOException, InterruptedException {
        if (before != null) {
            send("PATCH", before);
        }
    }

    /** The record set with {@code endpoint} taken out of every routing policy item. */
    static JsonNode drained(JsonNode recordSet, String endpoint) {
        ObjectNode copy = recordSet.deepCopy();
        JsonNode policy = copy.path("routingPolicy");
        for (JsonNode item : policy.path("wrr").path("items")) {
            if (withoutEndpoint((ObjectNode) item, endpoint)) {
                ((ObjectNode) item).put("weight", 0);
            }
        }
        dropEmpty(policy.path("geo").path("items"), endpoint);
        dropEmpty(policy.path("primaryBackup").path("backupGeoTargets").path("items"), endpoint);
        JsonNode primary = policy.path("primaryBackup").path("primaryTargets");
        if (primary.isObject()) {
            remove((ArrayNode) primary.path("externalEndpoints"), endpoint);
        }
        return copy;
    }

    private static void dropEmpty(JsonNode items, String endpoint) {
        if (!items.isArray()) {
            return;
        }
        var array = (ArrayNode) items;
        for (int i = array.size() - 1; i >= 0; i--) {
            var item = (ObjectNode) array.get(i);
            if (withoutEndpoint(item, endpoint) && item.path("healthCheckedTargets").path("externalEndpoints").isEmpty()) {
                array.remove(i);
            }
        }
    }

    /** Removes the endpoint from the item's health-checked external endpoints; whether it was there. */
    private static boolean withoutEndpoint(ObjectNode item, String endpoint) {
        JsonNode endpoints = item.path("healthCheckedTargets").path("externalEndpoints");
        return endpoints.isArray() && remove((ArrayNode) endpoints, endpoint);
    }

    private static boolean remove(ArrayNode list, String value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).asText().equals(value)) {
                list.remove(i);
                return true;
            }
        }
        return false;
    }

    private JsonNode send(String method, JsonNode body) throws IOException, InterruptedException {
        String name = URLEncoder.encode(hostname + ".", StandardCharsets.UTF_8);
        var answer = api.send(method, "projects/" + project + "/managedZones/" + managedZone + "/rrsets/" + name + "/A", body);
        if (!answer.ok()) {
            throw new IOException("Cloud DNS answered HTTP " + answer.status() + " " + answer.body().path("error").path("message").asText(""));
        }
        return answer.body();
    }
}
