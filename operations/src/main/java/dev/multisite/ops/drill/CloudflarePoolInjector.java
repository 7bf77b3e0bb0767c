package dev.multisite.ops.drill;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Drains a site on a Cloudflare load balancer by disabling its pool (PATCH
 * {@code /accounts/{account}/load_balancers/pools/{pool}} with {@code enabled: false}); restore
 * enables it again. The API token (Load Balancing: Monitors and Pools Write) comes from the caller,
 * never from a file or a log.
 */
public final class CloudflarePoolInjector implements FailureInjector {
    static final URI API = URI.create("https://api.cloudflare.com/client/v4/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI api;
    private final String site;
    private final String accountId;
    private final String poolId;
    private final String apiToken;

    public CloudflarePoolInjector(HttpClient http, URI api, String site, String accountId, String poolId, String apiToken) {
        this.http = http;
        this.api = api;
        this.site = site;
        this.accountId = accountId;
        this.poolId = poolId;
        this.apiToken = apiToken;
    }

    public static CloudflarePoolInjector of(String site, String accountId, String poolId, String apiToken) {
        return new CloudflarePoolInjector(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), API,
                site, accountId, poolId, apiToken);
    }

    @Override
    public String describe() {
        return "disable Cloudflare pool " + poolId + " of " + site;
    }

    @Override
    public void inject() throws IOException, InterruptedException {
        setEnabled(false);
    }

    @Override
    public void restore() throws IOException, InterruptedException {
        setEnabled(true);
    }

    private void setEnabled(boolean enabled) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(api.resolve("accounts/" + accountId + "/load_balancers/pools/" + poolId))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiToken)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("enabled", enabled))))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        var body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() / 100 != 2 || !body.path("success").asBoolean(false)) {
            throw new IOException("Cloudflare answered HTTP " + response.statusCode() + " " + body.path("errors"));
        }
    }
}
