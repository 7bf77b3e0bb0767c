package dev.multisite.stack.runbook;

import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.SiteSpec;

/**
 * The commands an operator runs to fail a site over, written once: the runbooks print them and
 * {@code failover plan} lists them as its steps (so the two never disagree).
 */
final class OperatorCommands {
    private OperatorCommands() {
    }

    private static String outputs(String stack) {
        return "pulumi stack output --stack " + stack;
    }

    /** Takes the site out of the global name by hand (Route 53 drain switch, or the Cloudflare pool disabled). */
    static String drain(String stack, DnsBackend global, SiteSpec site) {
        return switch (global.kind()) {
            case ROUTE53 -> "aws route53 update-health-check --inverted --health-check-id $(" + outputs(stack) + " drainSwitches | jq -r '.\""
                    + site.name() + "\"')";
            case CLOUDFLARE -> pool(stack, global, site, false);
            case CLOUDDNS -> healthApp(site, 0);
        };
    }

    /** Undoes {@link #drain}. */
    static String undrain(String stack, DnsBackend global, SiteSpec site) {
        return switch (global.kind()) {
            case ROUTE53 -> "aws route53 update-health-check --no-inverted --health-check-id $(" + outputs(stack) + " drainSwitches | jq -r '.\""
                    + site.name() + "\"')";
            case CLOUDFLARE -> pool(stack, global, site, true);
            case CLOUDDNS -> healthApp(site, HEALTH_APP_REPLICAS);
        };
    }

    /** The health app's replicas as HealthApp deploys them. */
    static final int HEALTH_APP_REPLICAS = 2;

    /**
     * Cloud DNS: a routing policy's health check probes each site's endpoint, so scaling the
     * site's health app to zero fails the check there and Cloud DNS stops answering with it; no
     * record changes. Scaling back restores it ({@code pulumi up} also does, so run it after the site is back).
     */
    private static String healthApp(SiteSpec site, int replicas) {
        return "kubectl --context " + site.name() + " -n multisite-system scale deployment/multisite-healthz --replicas=" + replicas;
    }

    private static String pool(String stack, DnsBackend global, SiteSpec site, boolean enabled) {
        var cf = global.as(DnsBackend.CloudflareBackend.class).orElseThrow();
        return "curl -sX PATCH -H \"Authorization: Bearer $CLOUDFLARE_API_TOKEN\" -H 'Content-Type: application/json' \\\n"
                + "  https://api.cloudflare.com/client/v4/accounts/" + cf.accountId() + "/load_balancers/pools/$("
                + outputs(stack) + " cloudflarePools | jq -r '.\"" + site.name() + "\"') --data '{\"enabled\": " + enabled + "}'";
    }

    /** Makes the site's database take no writes even if it comes back (split brain is two writable primaries). */
    static String fence(String stack, SiteSpec primary) {
        String instance = "$(" + outputs(stack) + " databaseInstances | jq -r '.\"" + primary.name() + "/default\"')";
        return switch (primary.provider()) {
            case AWS -> "# remove every ingress rule of its security group: the database stays, unreachable\n"
                    + "sg=$(aws ec2 describe-security-groups --region " + primary.region() + " --filters 'Name=group-name,Values=" + primary.name()
                    + "-db-sg-*' --query 'SecurityGroups[0].GroupId' --output text)\n"
                    + "aws ec2 revoke-security-group-ingress --region " + primary.region() + " --group-id \"$sg\" --ip-permissions \"$(aws ec2 describe-security-groups --region "
                    + primary.region() + " --group-ids \"$sg\" --query 'SecurityGroups[0].IpPermissions')\"";
            case GCP -> "gcloud sql instances patch " + instance + " --activation-policy NEVER --project " + primary.gcp().project();
            case AZURE -> "az postgres flexible-server stop --resource-group " + primary.azure().resourceGroup() + " --name " + instance;
            case EXISTING -> "# not applicable";
        };
    }

    /** Promotes the target's replica by hand (the provider's CLI, instance name from the stack outputs). */
    static String promote(SiteSpec target) {
        return dev.multisite.topology.DatabaseCommands.promote(target, "$(pulumi stack output databaseInstances | jq -r '.\"" + target.name() + "/default\"')");
    }
}
