package dev.multisite.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.catalog.ResourceTypes;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.Rule;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.FailoverBudget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.multisite.catalog.ResourceTypes.*;
import static dev.multisite.policy.EnforcementLevel.ADVISORY;
import static dev.multisite.policy.EnforcementLevel.MANDATORY;
import static dev.multisite.policy.Rules.resource;
import static dev.multisite.policy.Rules.stack;
import static dev.multisite.policy.Rules.unless;

/** Rules about global traffic: health checks, routing records, TTLs, the failover budget, ExternalDNS. */
public final class TrafficRules {
    private TrafficRules() {
    }


    public static final Rule EVERY_SITE_HEALTH_CHECKED = stack("every-site-health-checked", MANDATORY,
            "When the stack has global DNS, every site has a deep health check (Route 53) or a monitored pool (Cloudflare).",
            "A site without a health check keeps receiving traffic after it fails.",
            "declare the traffic block so GlobalEndpoint checks every site",
            Map.of(), List.of(ROUTE53_HEALTH_CHECK, CLOUDFLARE_POOL, GCP_HEALTH_CHECK, GCP_DNS_RECORD_SET, SITES), (s, c) -> {
                List<Rule.Finding> findings = new ArrayList<>();
                if (!s.ofType(GCP_HEALTH_CHECK).isEmpty() && !cloudDnsWatchesEverySite(s.ofType(GCP_DNS_RECORD_SET), s.sites().size())) {
                    s.sites().forEach(site -> findings.add(new Rule.Finding(site.urn(), "site " + site.name()
                            + " is not a health-checked endpoint of the Cloud DNS routing policy", "declare the traffic block so GlobalEndpoint checks every site")));
                }
                for (DnsBackend.Kind kind : DnsBackend.Kind.values()) {
                    var monitors = s.ofType(ResourceTypes.siteMonitorType(kind));
                    if (monitors.isEmpty()) {
                        continue;
                    }
                    for (var site : s.sites()) {
                        if (monitors.stream().noneMatch(m -> watches(kind, m, site.name()))) {
                            findings.add(new Rule.Finding(site.urn(), "site " + site.name() + " has no " + monitorName(kind),
                                    "declare the traffic block so GlobalEndpoint checks every site"));
                        }
                    }
                }
                return findings;
            });

    /** Whether a backend's site monitor watches the site (a switch expression: a new backend must decide). */
    private static boolean watches(DnsBackend.Kind kind, PolicyResource monitor, String site) {
        return switch (kind) {
            case ROUTE53 -> monitor.input("fqdn").asText().startsWith(site + ".");
            case CLOUDFLARE -> monitor.elements("origins").stream().anyMatch(o -> o.input("address").asText().startsWith(site + "."));
            // One Compute Engine check serves the Cloud DNS routing policy and probes every site's endpoint by address (so it
            // names no site; cloudDnsWatchesEverySite reads the record set): it can probe external endpoints only with its
            // three source regions (Compute Engine API, HealthCheck.sourceRegions).
            case CLOUDDNS -> monitor.input("sourceRegions").size() == 3;
        };
    }

    /**
     * Whether a routed Cloud DNS record set has a health check and a health-checked external
     * endpoint per site (its items' {@code healthCheckedTargets.externalEndpoints}, whichever policy).
     */
    private static boolean cloudDnsWatchesEverySite(List<PolicyResource> recordSets, int sites) {
        return recordSets.stream().map(r -> r.input("routingPolicy")).anyMatch(policy -> !policy.path("healthCheck").asText("").isEmpty()
                && policy.findValues("externalEndpoints").stream().mapToInt(JsonNode::size).sum() >= sites);
    }

    private static String monitorName(DnsBackend.Kind kind) {
        return switch (kind) {
            case ROUTE53 -> "Route 53 health check";
            case CLOUDFLARE -> "Cloudflare pool";
            case CLOUDDNS -> "Cloud DNS health check";
        };
    }

    public static final Rule RECORDS_HEALTH_CHECKED = resource("global-records-health-checked", MANDATORY,
            "Every routing record (one with a set identifier) has a health check attached.",
            "Without a health check Route 53 keeps answering with a failed site.",
            "attach the site's serving health check to its record",
            Map.of(), List.of(ROUTE53_RECORD), (r, c) -> isRoutingRecord(r)
                    ? unless(!r.input("healthCheckId").asText("").isEmpty(), r.urn(), "record " + r.name() + " (" + r.input("setIdentifier").asText()
                    + ") has no health check", "attach the site's serving health check (healthCheckId)")
                    : List.of());

    /** A Route 53 record that routes between sites: one with a set identifier (a site's share of the global name). */
    private static boolean isRoutingRecord(PolicyResource r) {
        return r.type().equals(ROUTE53_RECORD) && r.has("setIdentifier");
    }

    public static final Rule CHECKER_REGIONS_AND_INTERVAL = resource("health-check-regions-and-interval", MANDATORY,
            "Route 53 health checks run from at least minRegions regions at an interval of at most maxIntervalSeconds.",
            "Few checker regions turn a regional network blip into a false failover; a slow interval delays real ones.",
            "use at least 3 checker regions and intervalSeconds 10",
            Map.of("minRegions", 3, "maxIntervalSeconds", 10), List.of(ROUTE53_HEALTH_CHECK), (r, c) -> {
                if (!r.type().equals(ROUTE53_HEALTH_CHECK) || r.input("type").asText().equals("CALCULATED")) {
                    return List.of();
                }
                List<Rule.Finding> findings = new ArrayList<>(unless(r.input("regions").size() >= c.number("minRegions"), r.urn(),
                        r.name() + " checks from " + r.input("regions").size() + " region(s)", "list at least " + (int) c.number("minRegions")
                                + " regions in traffic.healthCheck.regions"));
                findings.addAll(unless(r.input("requestInterval").asInt(30) <= c.number("maxIntervalSeconds"), r.urn(),
                        r.name() + " checks every " + r.input("requestInterval").asInt(30) + " s",
                        "set traffic.healthCheck.intervalSeconds to 10 (fast)"));
                return findings;
            });

    public static final Rule TTL_LIMIT = resource("dns-ttl-limit", ADVISORY,
            "Health-checked records have a TTL of at most maxTtlSeconds.",
            "Resolvers keep a failed site's answer for the whole TTL; long TTLs stretch every failover.",
            "lower traffic.ttlSeconds",
            Map.of("maxTtlSeconds", 60), List.of(ROUTE53_RECORD), (r, c) -> r.type().equals(ROUTE53_RECORD) && r.has("healthCheckId")
                    ? unless(r.input("ttl").asInt(0) <= c.number("maxTtlSeconds"), r.urn(), "record " + r.name() + " has TTL " + r.input("ttl").asInt(),
                    "set traffic.ttlSeconds to at most " + (int) c.number("maxTtlSeconds"))
                    : List.of());

    public static final Rule FAILOVER_WITHIN_RTO = stack("failover-within-rto", MANDATORY,
            "The worst-case Route 53 failover, recomputed from the planned checks and records, is within traffic.rtoSeconds.",
            "The budget is a promise to users; the deployed checks must keep it, not only the config.",
            "shorten interval, threshold or TTL, or raise rtoSeconds",
            Map.of(), List.of(ROUTE53_HEALTH_CHECK, ROUTE53_RECORD), (s, c) -> {
                JsonNode rto = s.topology().path("traffic").path("rtoSeconds");
                if (s.ofType(ROUTE53_RECORD).isEmpty()) {
                    return List.of();
                }
                int budget = rto.isNumber() ? rto.asInt() : 60;
                Map<String, PolicyResource> checksById = new HashMap<>();
                s.ofType(ROUTE53_HEALTH_CHECK).forEach(h -> checksById.put(h.name(), h));
                List<Rule.Finding> findings = new ArrayList<>();
                for (PolicyResource record : s.ofType(ROUTE53_RECORD)) {
                    String site = record.input("setIdentifier").asText();
                    PolicyResource check = checksById.get(site + "-check");
                    if (check == null) {
                        continue;
                    }
                    int worst = (int) FailoverBudget.worstCase(Duration.ofSeconds(check.input("requestInterval").asInt(30)),
                            check.input("failureThreshold").asInt(3), Duration.ofSeconds(FailoverBudget.ROUTE53_PROPAGATION_SECONDS),
                            Duration.ofSeconds(record.input("ttl").asInt(0))).toSeconds();
                    if (worst > budget) {
                        findings.add(new Rule.Finding(record.urn(), "worst-case failover of " + site + " is " + worst + " s, over rtoSeconds " + budget,
                                "shorten the interval, threshold or TTL"));
                    }
                }
                return findings;
            });

    public static final Rule DRAIN_SWITCH = resource("drain-switch-per-site", ADVISORY,
            "Routing records use a calculated check that includes a drain switch.",
            "Operators and drills drain a site by flipping one switch instead of editing records under pressure.",
            "route through GlobalEndpoint's serving check (site check AND drain switch)",
            Map.of(), List.of(ROUTE53_RECORD), (r, c) -> isRoutingRecord(r)
                    ? unless(r.input("healthCheckId").asText("").contains("-serving"), r.urn(), "record " + r.name()
                    + " is not behind a serving check with a drain switch", "use GlobalEndpoint's serving check")
                    : List.of());

    public static final Rule EXTERNAL_DNS_OWNERS = stack("external-dns-owner-ids-distinct", MANDATORY,
            "Every ExternalDNS instance has its own TXT owner id.",
            "Instances that share an owner id delete each other's records in a shared zone.",
            "give every site its own txtOwnerId",
            Map.of(), List.of(HELM_RELEASE), (s, c) -> UniqueValues.claims(HelmReleases.of(s, "external-dns"), r -> r.input("values.txtOwnerId").asText(""))
                    .stream().filter(owner -> owner.value().isEmpty() || owner.taken())
                    .map(owner -> new Rule.Finding(owner.resource().urn(), owner.resource().name() + (owner.value().isEmpty() ? " has no txtOwnerId"
                            : " shares txtOwnerId " + owner.value() + " with " + owner.earlier()), "give every site its own txtOwnerId"))
                    .toList());

    public static final List<Rule> ALL = List.of(EVERY_SITE_HEALTH_CHECKED, RECORDS_HEALTH_CHECKED, CHECKER_REGIONS_AND_INTERVAL,
            TTL_LIMIT, FAILOVER_WITHIN_RTO, DRAIN_SWITCH, EXTERNAL_DNS_OWNERS);
}
