package dev.multisite.ops.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

/**
 * Drains a site on a Cloudflare load balancer by disabling its pool (PATCH
 * {@code /accounts/{account}/load_balancers/pools/{pool}} with {@code enabled: false}); restore
 * enables it again. The API token (Load Balancing: Monitors and Pools Write) comes from the caller,
 * never from a file or a log.
 */
public final class CloudflarePoolInjector implements FailureInjector {
    static final URI API = URI.create("https://api.cloudflare.com/client/v4/");

    private final BearerJsonApi api;
    private final String site;
    private final String accountId;
    private final String poolId;

    public CloudflarePoolInjector(HttpClient http, URI api, String site, String accountId, String poolId, String apiToken) {
        this.api = new BearerJsonApi(http, api, apiToken);
        this.site = site;
        this.accountId = accountId;
        this.poolId = poolId;
    }

    public static CloudflarePoolInjector of(String site, String accountId, String poolId, String apiToken) {
        return new CloudflarePoolInjector(BearerJsonApi.client(), API, site, accountId, poolId, apiToken);
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
        var answer = api.send("PATCH", "accounts/" + accountId + "/load_balancers/pools/" + poolId, Map.of("enabled", enabled));
        if (!answer.ok() || !answer.body().path("success").asBoolean(false)) {
            throw new IOException("Cloudflare answered HTTP " + answer.status() + " " + answer.body().path("errors"));
        }
    }
}
