package dev.multisite.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Invariants of the {@code traffic} block: the real limits of each DNS backend, routing inputs for
 * every site, and the failover budget arithmetic against {@code rtoSeconds}.
 */
final class TrafficValidator {
    /** The regions Route 53 health checkers run in. */
    static final List<String> ROUTE53_CHECKER_REGIONS = List.of("us-east-1", "us-west-1", "us-west-2", "eu-west-1",
            "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1");
    static final Set<String> CONTINENTS = Set.of("AF", "AN", "AS", "EU", "NA", "OC", "SA");
    private static final Pattern HOSTED_ZONE = Pattern.compile("Z[A-Z0-9]{1,32}");
    private static final Pattern CLOUDFLARE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern AWS_REGION = CloudProvider.AWS.facts().region();
    /**
     * A Cloud DNS managed zone's resource name: 1-63 lowercase letters, digits and dashes, starting
     * with a letter and ending with a letter or digit (Cloud DNS API, ManagedZone.name).
     */
    static final Pattern MANAGED_ZONE = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    /** A Google Cloud project id: 6-30 lowercase letters, digits and dashes, starting with a letter, not ending with a dash. */
    static final Pattern GCP_PROJECT = Pattern.compile("[a-z][-a-z0-9]{4,28}[a-z0-9]");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private TrafficValidator() {
    }

    static void validate(Topology topology, Problems problems) {
        TrafficSettings t = topology.traffic();
        if (t == null) {
            return;
        }
        if (t.hostname() == null || !TopologyValidator.DOMAIN.matcher(t.hostname()).matches()) {
            problems.add("traffic.hostname", (t.hostname() == null ? "required" : "'" + t.hostname() + "' is not a lowercase DNS name")
                    + "; the global hostname, e.g. app." + topology.domain());
        } else if (topology.domain() != null && !t.hostname().endsWith("." + topology.domain())) {
            problems.add("traffic.hostname", "'" + t.hostname() + "' is not under the stack's domain " + topology.domain()
                    + "; use e.g. app." + topology.domain());
        }
        if (t.ttlSeconds() < 1 || t.ttlSeconds() > 3600) {
            problems.add("traffic.ttlSeconds", t.ttlSeconds() + " is out of range; use 1..3600 (short TTLs fail over faster)");
        }
        if (t.rtoSeconds() < 1) {
            problems.add("traffic.rtoSeconds", t.rtoSeconds() + " is not allowed; a positive number of seconds");
        }
        validateHealthCheck(t, problems);
        validateBackends(t, problems);
        validateRouting(topology, t, problems);
        if (problems.isEmpty()) {
            validateAuthority(topology, t, problems);
        }
        if (problems.isEmpty()) {
            // Only the backend authoritative for the global hostname serves it, so only its budget counts.
            for (DnsBackend backend : List.of(DnsAuthority.of(topology).global().backend())) {
                var budget = FailoverBudget.of(backend, t);
                if (budget.worstCaseSeconds() > t.rtoSeconds()) {
                    problems.add("traffic.rtoSeconds", "the worst case failover is " + budget.arithmetic() + ", over the budget of "
                            + t.rtoSeconds() + " s; shorten the interval, threshold or TTL, or raise rtoSeconds");
                }
            }
        }
    }

    private static void validateHealthCheck(TrafficSettings t, Problems problems) {
        var hc = t.healthCheck();
        if (!hc.path().startsWith("/")) {
            problems.add("traffic.healthCheck.path", "'" + hc.path() + "' must start with '/', e.g. /healthz");
        }
        if (hc.port() < 1 || hc.port() > 65535) {
            problems.add("traffic.healthCheck.port", hc.port() + " is not a port; use 1..65535");
        }
        if (!hc.protocol().equals("https") && !hc.protocol().equals("http")) {
            problems.add("traffic.healthCheck.protocol", "'" + hc.protocol() + "' is not allowed; use https or http");
        }
        if (hc.failureThreshold() < 1 || hc.failureThreshold() > 10) {
            problems.add("traffic.healthCheck.failureThreshold", hc.failureThreshold() + " is out of range; Route 53, Cloudflare and Cloud DNS allow 1..10");
        }
        boolean route53 = t.dns().stream().anyMatch(d -> d.kind() == DnsBackend.Kind.ROUTE53);
        if (route53 && hc.intervalSeconds() != 10 && hc.intervalSeconds() != 30) {
            problems.add("traffic.healthCheck.intervalSeconds", hc.intervalSeconds() + " is not allowed by Route 53; use 10 (fast) or 30");
        }
        t.dns().stream().flatMap(d -> d.as(DnsBackend.CloudflareBackend.class).stream()).forEach(cf -> {
            int minimum = cf.plan().minimumIntervalSeconds();
            if (hc.intervalSeconds() < minimum) {
                problems.add("traffic.healthCheck.intervalSeconds", hc.intervalSeconds() + " is below the Cloudflare " + cf.plan().key()
                        + " plan's minimum of " + minimum + " s; raise it or declare a plan that allows it (business: 15, enterprise: 10)");
            }
        });
        if (route53) {
            if (hc.regions().size() < 3) {
                problems.add("traffic.healthCheck.regions", hc.regions() + " has " + hc.regions().size()
                        + " region(s); Route 53 needs at least 3 checker regions, from " + ROUTE53_CHECKER_REGIONS);
            }
            if (new HashSet<>(hc.regions()).size() != hc.regions().size()) {
                problems.add("traffic.healthCheck.regions", hc.regions() + " lists a region twice");
            }
            hc.regions().stream().filter(r -> !ROUTE53_CHECKER_REGIONS.contains(r)).forEach(r -> problems.add("traffic.healthCheck.regions",
                    "'" + r + "' is not a Route 53 health checker region; use " + ROUTE53_CHECKER_REGIONS));
        }
    }

    /**
     * Settings the stack's DNS backends never read are refused rather than silently ignored: the
     * Route 53 health checker regions (Route 53's HealthCheckConfig.Regions) mean nothing to a
     * Cloudflare monitor, whose probes run from the pool's check_regions instead. Read from the
     * raw config ({@code raw}), because the record fills in the default regions; setting exactly
     * the defaults cannot be told from them and passes.
     */
    static void settingsWithoutEffect(com.fasterxml.jackson.databind.JsonNode raw, Topology topology, Problems problems) {
        TrafficSettings t = topology.traffic();
        // The defaults are written back when a parsed topology is serialized (the program's config, the
        // offline plan), so only regions other than the defaults are known to be the user's.
        if (t == null || !raw.path("traffic").path("healthCheck").has("regions")
                || t.healthCheck().regions().equals(HealthCheckSettings.DEFAULT_REGIONS)) {
            return;
        }
        boolean route53 = t.dns().stream().anyMatch(d -> d.kind() == DnsBackend.Kind.ROUTE53);
        if (!route53) {
            String backends = t.dns().stream().map(d -> d.kind().key()).distinct()
                    .collect(java.util.stream.Collectors.joining(", "));
            problems.add("traffic.healthCheck.regions", "Route 53 health checker regions, but this stack's DNS backends (" + backends
                    + ") have no Route 53 health checks, so they would have no effect; remove the key");
        }
    }

    private static void validateBackends(TrafficSettings t, Problems problems) {
        if (t.dns().isEmpty()) {
            problems.add("traffic.dns", "required; at least one backend: - route53: {hostedZoneId: ...}, - cloudflare: {zoneId: ..., accountId: ..., apiToken: ...}"
                    + " or - clouddns: {managedZone: ..., project: ..., endpoints: {<site>: <public IPv4>}}");
        }
        if (t.dns().size() > 2) {
            problems.add("traffic.dns", t.dns().size() + " backends; at most 2: one holds the stack's domain and the other a subzone of it, which the stack delegates");
        }
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < t.dns().size(); i++) {
            DnsBackend d = t.dns().get(i);
            String path = "traffic.dns[" + i + "]";
            if (!kinds.add(d.kind().key())) {
                problems.add(path, d.kind().key() + " is declared twice; one backend of each kind");
            }
            // One method per backend: a new backend does not compile until its block is validated.
            d.match(new DnsBackend.Cases<Void>() {
                @Override
                public Void route53(DnsBackend.Route53Backend r53) {
                    validateRoute53(r53, path, problems);
                    return null;
                }

                @Override
                public Void cloudflare(DnsBackend.CloudflareBackend cf) {
                    validateCloudflare(cf, path, problems);
                    return null;
                }

                @Override
                public Void clouddns(DnsBackend.CloudDnsBackend gcp) {
                    validateCloudDns(gcp, path, problems);
                    return null;
                }
            });
        }
    }

    private static void validateRoute53(DnsBackend.Route53Backend r53, String path, Problems problems) {
        if (r53.hostedZoneId() == null || !HOSTED_ZONE.matcher(r53.hostedZoneId()).matches()) {
            problems.add(path + ".route53.hostedZoneId", (r53.hostedZoneId() == null ? "required"
                    : "'" + r53.hostedZoneId() + "' is not a hosted zone id") + "; like Z0123456789ABCDEFGHIJ");
        }
    }

    private static void validateCloudflare(DnsBackend.CloudflareBackend cf, String path, Problems problems) {
        if (cf.zoneId() == null || !CLOUDFLARE_ID.matcher(cf.zoneId()).matches()) {
            problems.add(path + ".cloudflare.zoneId", (cf.zoneId() == null ? "required" : "'" + cf.zoneId() + "' is not a zone id") + "; 32 lowercase hex characters");
        }
        if (cf.accountId() == null || !CLOUDFLARE_ID.matcher(cf.accountId()).matches()) {
            problems.add(path + ".cloudflare.accountId", (cf.accountId() == null ? "required" : "'" + cf.accountId() + "' is not an account id") + "; 32 lowercase hex characters");
        }
        if (cf.apiToken() == null || !TopologyValidator.CONFIG_KEY.matcher(cf.apiToken()).matches()) {
            problems.add(path + ".cloudflare.apiToken", (cf.apiToken() == null ? "required" : "'" + cf.apiToken() + "' is not a config key name")
                    + "; the name of a secret config key holding a scoped API token (pulumi config set --secret)");
        }
    }

    private static void validateCloudDns(DnsBackend.CloudDnsBackend gcp, String path, Problems problems) {
        if (gcp.managedZone() == null || !MANAGED_ZONE.matcher(gcp.managedZone()).matches()) {
            problems.add(path + ".clouddns.managedZone", (gcp.managedZone() == null ? "required" : "'" + gcp.managedZone() + "' is not a managed zone name")
                    + "; 1-63 lowercase letters, digits or dashes, starting with a letter, e.g. example-org");
        }
        if (gcp.project() == null || !GCP_PROJECT.matcher(gcp.project()).matches()) {
            problems.add(path + ".clouddns.project", (gcp.project() == null ? "required" : "'" + gcp.project() + "' is not a project id")
                    + "; 6-30 lowercase letters, digits or dashes, starting with a letter, e.g. dns-prod-1234");
        }
        gcp.endpoints().forEach((site, address) -> {
            if (!IPV4.matcher(address).matches()) {
                problems.add(path + ".clouddns.endpoints." + site, "'" + address + "' is not an IPv4 address; the public address of the site's ingress, e.g. 203.0.113.10");
            } else if (!isPublic(address)) {
                problems.add(path + ".clouddns.endpoints." + site, address + " is not a public address; Cloud DNS health-checks a public zone's"
                        + " external endpoints from the internet, so give the site's public ingress address");
            }
        });
        if (gcp.sourceRegions().size() != 3 || new HashSet<>(gcp.sourceRegions()).size() != 3) {
            problems.add(path + ".clouddns.sourceRegions", gcp.sourceRegions() + " has " + gcp.sourceRegions().size()
                    + " region(s); a Compute Engine health check with source regions takes exactly 3 distinct regions");
        }
        gcp.sourceRegions().stream().filter(r -> !CloudProvider.GCP.facts().region().matcher(r).matches()).forEach(r -> problems.add(path + ".clouddns.sourceRegions",
                "'" + r + "' is not a Google Cloud region, e.g. " + CloudProvider.GCP.facts().regionExample()));
    }

    /** Whether an IPv4 address is outside the private, shared, loopback, link-local and documentation-free special ranges. */
    static boolean isPublic(String address) {
        Cidr host = Cidr.parse(address + "/32");
        return java.util.stream.Stream.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                "0.0.0.0/8", "224.0.0.0/3").map(Cidr::parse).noneMatch(range -> range.contains(host));
    }

    /**
     * The global hostname on Cloud DNS: every site's external endpoint, checked at an interval
     * Compute Engine allows with source regions, and a routing policy Cloud DNS has (WRR,
     * geolocation, failover; Cloud DNS "DNS routing policies and health checks"). Latency-based
     * routing has no Cloud DNS policy, so it is refused rather than mapped silently.
     */
    private static void validateCloudDnsGlobal(Topology topology, TrafficSettings t, DnsAuthority.Zone global, Problems problems) {
        DnsBackend.CloudDnsBackend gcp = global.backend().as(DnsBackend.CloudDnsBackend.class).orElseThrow();
        String path = "traffic.dns[" + global.index() + "].clouddns";
        if (t.routing() == TrafficSettings.Routing.LATENCY) {
            problems.add("traffic.routing", "latency (the default) has no Cloud DNS routing policy; Cloud DNS serves " + t.hostname()
                    + " here, so use geo (each site's Google Cloud region, or clouddns.locations) or weighted (by capacity)");
        }
        if (t.healthCheck().intervalSeconds() < FailoverBudget.CLOUDDNS_MINIMUM_INTERVAL_SECONDS) {
            problems.add("traffic.healthCheck.intervalSeconds", t.healthCheck().intervalSeconds() + " is below Cloud DNS's minimum of "
                    + FailoverBudget.CLOUDDNS_MINIMUM_INTERVAL_SECONDS + " s (Compute Engine health checks with source regions); use 30 or more");
        }
        if (t.routing() == TrafficSettings.Routing.FAILOVER && topology.sites().size() != 2) {
            problems.add("traffic.routing", "failover routing has one primary and one backup, but the stack has "
                    + topology.sites().size() + " sites; use geo or weighted");
        }
        for (int i = 0; i < topology.sites().size(); i++) {
            SiteSpec s = topology.sites().get(i);
            if (!gcp.endpoints().containsKey(s.name())) {
                problems.add(path + ".endpoints." + s.name(), "required: the public IPv4 address of the site's ingress, which Cloud DNS health-checks"
                        + " and answers " + t.hostname() + " with");
            }
            if ((t.routing() == TrafficSettings.Routing.GEO || t.routing() == TrafficSettings.Routing.FAILOVER) && gcp.location(s).isEmpty()) {
                problems.add(path + ".locations." + s.name(), "required for " + t.routing().key() + " routing on Cloud DNS: the Google Cloud region"
                        + " whose users the site serves (" + s.provider().key() + " " + s.region() + "), e.g. europe-west3");
            }
        }
        gcp.endpoints().keySet().stream().filter(site -> topology.site(site).isEmpty())
                .forEach(site -> problems.add(path + ".endpoints." + site, "is not a site of this stack"));
        gcp.locations().forEach((site, region) -> {
            if (topology.site(site).isEmpty()) {
                problems.add(path + ".locations." + site, "is not a site of this stack");
            } else if (!CloudProvider.GCP.facts().region().matcher(region).matches()) {
                problems.add(path + ".locations." + site, "'" + region + "' is not a Google Cloud region, e.g. " + CloudProvider.GCP.facts().regionExample());
            }
        });
    }

    private static void validateRouting(Topology topology, TrafficSettings t, Problems problems) {
        for (String site : t.latencyRegions().keySet()) {
            if (topology.site(site).isEmpty()) {
                problems.add("traffic.latencyRegions." + site, "is not a site of this stack");
            } else if (!AWS_REGION.matcher(t.latencyRegions().get(site)).matches()) {
                problems.add("traffic.latencyRegions." + site, "'" + t.latencyRegions().get(site) + "' is not an AWS region, e.g. eu-central-1");
            }
        }
        for (Map.Entry<String, String> e : t.geo().entrySet()) {
            if (topology.site(e.getKey()).isEmpty()) {
                problems.add("traffic.geo." + e.getKey(), "is not a site of this stack");
            } else if (!CONTINENTS.contains(e.getValue())) {
                problems.add("traffic.geo." + e.getKey(), "'" + e.getValue() + "' is not a continent code; use one of " + new java.util.TreeSet<>(CONTINENTS));
            }
        }
        boolean cloudDnsGlobal = topology.domain() != null && t.hostname() != null
                && DnsAuthority.of(topology).global() != null && DnsAuthority.of(topology).global().backend().kind() == DnsBackend.Kind.CLOUDDNS;
        if (cloudDnsGlobal) {
            // Cloud DNS locates sites by Google Cloud region, not by AWS region or continent.
            validateCloudDnsGlobal(topology, t, DnsAuthority.of(topology).global(), problems);
            return;
        }
        switch (t.routing()) {
            case LATENCY -> topology.sites().stream()
                    .filter(s -> LatencyRegions.of(s, t).isEmpty())
                    .forEach(s -> problems.add("traffic.latencyRegions." + s.name(), "required for latency routing: the AWS region "
                            + s.name() + " (" + s.provider().key() + ", " + s.region() + ") is closest to, e.g. eu-central-1"));
            case GEO -> topology.sites().stream().filter(s -> !t.geo().containsKey(s.name()))
                    .forEach(s -> problems.add("traffic.geo." + s.name(), "required for geo routing: the continent code the site serves"));
            case FAILOVER -> {
                if (topology.sites().size() != 2) {
                    problems.add("traffic.routing", "failover routing has one primary and one secondary, but the stack has "
                            + topology.sites().size() + " sites; use latency or weighted");
                }
            }
            case WEIGHTED -> {
            }
        }
    }

    /**
     * One authority per published name ({@link DnsAuthority}): distinct zones, at or under the
     * domain, nested when there are two (the stack delegates the subzone), each holding some name,
     * and every existing site's names in Cloudflare (its ExternalDNS has no identity AWS trusts).
     */
    private static void validateAuthority(Topology topology, TrafficSettings t, Problems problems) {
        String domain = topology.domain();
        if (domain == null) {
            return;
        }
        var authority = DnsAuthority.of(topology);
        var zones = authority.zones();
        for (var z : zones) {
            if (!TopologyValidator.DOMAIN.matcher(z.name()).matches() || !(z.name().equals(domain) || z.name().endsWith("." + domain))) {
                problems.add(z.path(), "'" + z.name() + "' is not the stack's domain " + domain + " or a subzone of it; e.g. " + domain
                        + " or app." + domain);
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        for (int i = 1; i < zones.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (zones.get(i).name().equals(zones.get(j).name())) {
                    problems.add(zones.get(i).path(), zones.get(i).name() + (zones.get(i).backend().zone() == null ? " (the default, the stack's domain)" : "")
                            + " is also the zone of traffic.dns[" + j + "] (" + zones.get(j).kind() + "); two backends for one zone split its names"
                            + " (resolvers follow one delegation): give one a subzone the stack delegates, e.g. zone: " + t.hostname() + ", or remove one");
                }
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        if (zones.size() == 2 && zones.stream().noneMatch(z -> z.name().equals(domain))) {
            problems.add(zones.get(1).path(), "neither zone is the stack's domain " + domain + "; one backend holds " + domain
                    + " and the other a subzone of it, which the stack delegates");
            return;
        }
        authority.delegation().ifPresent(d -> {
            var cf = d.child().backend().as(DnsBackend.CloudflareBackend.class).orElse(null);
            if (cf == null) {
                return;
            }
            // A Cloudflare zone for a subdomain is a "subdomain setup": Enterprise only, and the
            // parent delegates to the name servers Cloudflare assigned to it.
            String path = "traffic.dns[" + d.child().index() + "].cloudflare";
            if (cf.plan() != DnsBackend.CloudflarePlan.ENTERPRISE) {
                problems.add(path + ".plan", cf.plan().key() + " cannot hold the subzone " + d.child().name()
                        + "; Cloudflare subdomain setups need the enterprise plan (or put the subzone in route53)");
            }
            if (cf.nameServers().isEmpty()) {
                problems.add(path + ".nameServers", "required for the subzone " + d.child().name() + " delegated from " + d.parent().kind() + ";"
                        + " the name servers Cloudflare assigned to the zone, e.g. [ada.ns.cloudflare.com, bob.ns.cloudflare.com]");
            }
            cf.nameServers().stream().filter(ns -> ns == null || !TopologyValidator.DOMAIN.matcher(ns).matches())
                    .forEach(ns -> problems.add(path + ".nameServers", "'" + ns + "' is not a DNS name"));
        });
        if (zones.size() == 2 && authority.delegation().isEmpty()) {
            problems.add(zones.get(1).path(), "'" + zones.get(1).name() + "' and '" + zones.get(0).name() + "' do not nest; one must be a subzone of the other");
        }
        List<String> orphans = authority.names().stream().filter(n -> n.zone() == null).map(DnsAuthority.Name::fqdn).toList();
        if (!orphans.isEmpty()) {
            problems.add("traffic.dns", "no backend's zone holds " + String.join(", ", orphans.size() > 3 ? orphans.subList(0, 3) : orphans)
                    + (orphans.size() > 3 ? " and " + (orphans.size() - 3) + " more" : "") + "; one backend's zone must be the stack's domain " + domain);
        }
        // Route 53 refuses a CNAME at a zone apex (InvalidChangeBatch): the apex holds the zone's SOA
        // and NS records, and a CNAME may not share its name with any other record (RFC 1034 section
        // 3.6.2; Route 53 Developer Guide, "Choosing between alias and non-alias records"). The global
        // hostname is published as latency / failover CNAMEs, so it must sit below its Route 53 zone.
        // Cloudflare flattens a CNAME at the apex, so it is not refused there.
        var global = authority.global();
        if (global != null && global.backend().kind() == DnsBackend.Kind.ROUTE53 && global.name().equals(t.hostname())) {
            problems.add("traffic.hostname", t.hostname() + " is the apex of the route53 zone " + global.name() + " (" + global.path()
                    + "); Route 53 refuses the CNAME records the global name is published as at a zone apex;"
                    + " use a name below the zone, e.g. www." + t.hostname());
        }
        for (var z : zones) {
            if (authority.names().stream().noneMatch(n -> n.zone() == z)) {
                problems.add(z.path(), z.name() + " holds none of the names the stack publishes (" + t.hostname() + ", <site>." + t.hostname()
                        + (topology.mesh().enabled() ? ", <site>.mesh." + domain : "") + "); remove the backend or give it a zone that holds some");
            }
        }
        for (int i = 0; i < topology.sites().size(); i++) {
            SiteSpec s = topology.sites().get(i);
            if (s.provider() != CloudProvider.EXISTING) {
                continue;
            }
            List<String> elsewhere = authority.names().stream()
                    .filter(n -> s.name().equals(n.site()) && n.zone() != null && !n.zone().backend().kind().writableFromExistingSites())
                    .map(n -> n.fqdn() + " (" + n.zone().kind() + " zone " + n.zone().name() + ")").toList();
            if (!elsewhere.isEmpty()) {
                problems.add(Problems.sitePath(s, i, "provider"), "existing: its names " + String.join(", ", elsewhere)
                        + " live in a backend an existing cluster cannot write to (no workload identity AWS or Google trusts);"
                        + " make a cloudflare backend authoritative for them (its ExternalDNS then uses the scoped token)");
            }
        }
    }
}
