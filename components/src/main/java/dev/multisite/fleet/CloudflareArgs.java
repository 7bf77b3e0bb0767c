package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * {@code traffic.dns[].cloudflare}: Cloudflare load balancing.
 * Getters return null for an absent key.
 */
public final class CloudflareArgs extends ResourceArgs {

    /** The zone id, 32 hex characters. */
    @Import(name = "zoneId", required = true)
    private String zoneId;

    /** The account id that owns monitors and pools, 32 hex characters. */
    @Import(name = "accountId", required = true)
    private String accountId;

    /** {@code pro}, {@code business} or {@code enterprise} (default); sets the shortest monitor interval. */
    @Import(name = "plan", required = false)
    private String plan;

    /**
     * Name of the secret config key holding a scoped API token; its value is in
     * {@link FleetArgs#secrets()}.
     */
    @Import(name = "apiToken", required = true)
    private String apiToken;

    /** Serve through Cloudflare's proxy (failover at the edge); default true. */
    @Import(name = "proxied", required = false)
    private Boolean proxied;

    /** The zone's name, the names it is authoritative for; default the stack's domain. */
    @Import(name = "zone", required = false)
    private String zone;

    /**
     * The name servers Cloudflare assigned to the zone; required when the zone is a subzone of a
     * Route 53 zone of the stack.
     */
    @Import(name = "nameServers", required = false)
    private List<String> nameServers;

    public CloudflareArgs() {
    }

    public String zoneId() {
        return zoneId;
    }

    public String accountId() {
        return accountId;
    }

    public String plan() {
        return plan;
    }

    public String apiToken() {
        return apiToken;
    }

    public Boolean proxied() {
        return proxied;
    }

    public String zone() {
        return zone;
    }

    public List<String> nameServers() {
        return nameServers;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final CloudflareArgs args = new CloudflareArgs();

        public Builder zoneId(String zoneId) {
            args.zoneId = zoneId;
            return this;
        }

        public Builder accountId(String accountId) {
            args.accountId = accountId;
            return this;
        }

        public Builder plan(String plan) {
            args.plan = plan;
            return this;
        }

        public Builder apiToken(String apiToken) {
            args.apiToken = apiToken;
            return this;
        }

        public Builder proxied(Boolean proxied) {
            args.proxied = proxied;
            return this;
        }

        public Builder zone(String zone) {
            args.zone = zone;
            return this;
        }

        public Builder nameServers(List<String> nameServers) {
            args.nameServers = nameServers;
            return this;
        }

        public CloudflareArgs build() {
            return args;
        }
    }
}
