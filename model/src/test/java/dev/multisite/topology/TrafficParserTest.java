package dev.multisite.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TrafficParserTest {
    static final String TRAFFIC = """
            hostname: app.example.com
            latencyRegions: {metal-fra: eu-central-1}
            dns:
              - route53: {hostedZoneId: Z0123456789EXAMPLE}
              - cloudflare: {zoneId: 0123456789abcdef0123456789abcdef, accountId: fedcba9876543210fedcba9876543210, apiToken: cf-token}
            """;

    static ObjectNode withTraffic() {
        ObjectNode doc = Fixtures.valid();
        doc.set("traffic", Fixtures.yaml(TRAFFIC));
        return doc;
    }

    private static String problemOf(Consumer<ObjectNode> breakTraffic) {
        ObjectNode doc = withTraffic();
        breakTraffic.accept((ObjectNode) doc.get("traffic"));
        return Fixtures.singleProblem(doc);
    }

    /** The fixture's sites without the existing one, so Route 53 may hold their names. */
    static ObjectNode cloudOnly() {
        ObjectNode doc = withTraffic();
        doc.withArray("sites").remove(3);
        ((ObjectNode) doc.get("traffic")).remove("latencyRegions");
        return doc;
    }

    /**
     * cloudOnly() with Route 53 holding the delegated subzone app.example.com (the global hostname
     * www.app.example.com below its apex) and Cloudflare example.com.
     */
    static ObjectNode delegated() {
        ObjectNode doc = cloudOnly();
        ((ObjectNode) doc.get("traffic").withArray("dns").get(0).get("route53")).put("zone", "app.example.com");
        ((ObjectNode) doc.get("traffic")).put("hostname", "www.app.example.com");
        return doc;
    }

    @Test
    void route53RefusesTheGlobalHostnameAtItsZoneApex() {
        ObjectNode doc = delegated();
        ((ObjectNode) doc.get("traffic")).put("hostname", "app.example.com");
        assertThat(Fixtures.singleProblem(doc)).isEqualTo("traffic.hostname: app.example.com is the apex of the route53 zone app.example.com"
                + " (traffic.dns[0].route53.zone); Route 53 refuses the CNAME records the global name is published as at a zone apex;"
                + " use a name below the zone, e.g. www.app.example.com");
    }

    @Test
    void defaultsGiveAWorstCaseOfAtMost45Seconds() {
        var t = TopologyParser.parse(delegated()).traffic();
        assertThat(t.healthCheck().path()).isEqualTo("/healthz");
        assertThat(t.routing()).isEqualTo(TrafficSettings.Routing.LATENCY);
        assertThat(t.dns()).allSatisfy(d -> assertThat(FailoverBudget.of(d, t).worstCaseSeconds()).isLessThanOrEqualTo(45));
        assertThat(t.siteHostname("az-weu")).isEqualTo("az-weu.www.app.example.com");
    }

    @Test
    void route53IntervalMustBe10Or30() {
        assertThat(problemOf(t -> t.putObject("healthCheck").put("intervalSeconds", 15)))
                .isEqualTo("traffic.healthCheck.intervalSeconds: 15 is not allowed by Route 53; use 10 (fast) or 30");
    }

    @Test
    void route53NeedsThreeCheckerRegions() {
        assertThat(problemOf(t -> t.putObject("healthCheck").putArray("regions").add("us-east-1").add("eu-west-1")))
                .startsWith("traffic.healthCheck.regions: [us-east-1, eu-west-1] has 2 region(s); Route 53 needs at least 3 checker regions");
    }

    @Test
    void checkerRegionsMustBeRoute53s() {
        assertThat(problemOf(t -> t.putObject("healthCheck").putArray("regions").add("us-east-1").add("eu-west-1").add("eu-central-1")))
                .startsWith("traffic.healthCheck.regions: 'eu-central-1' is not a Route 53 health checker region");
    }

    @Test
    void thresholdZero() {
        assertThat(problemOf(t -> t.putObject("healthCheck").put("failureThreshold", 0)))
                .isEqualTo("traffic.healthCheck.failureThreshold: 0 is out of range; Route 53, Cloudflare and Cloud DNS allow 1..10");
    }

    @Test
    void cloudflarePlanMinimumInterval() {
        assertThat(problemOf(t -> {
            ((ObjectNode) t.withArray("dns").get(0)).removeAll();
            ((ObjectNode) t.withArray("dns").get(0)).putObject("cloudflare").put("zoneId", "0123456789abcdef0123456789abcdef")
                    .put("accountId", "fedcba9876543210fedcba9876543210").put("apiToken", "cf").put("plan", "pro");
            t.withArray("dns").remove(1);
        })).isEqualTo("traffic.healthCheck.intervalSeconds: 10 is below the Cloudflare pro plan's minimum of 60 s;"
                + " raise it or declare a plan that allows it (business: 15, enterprise: 10)");
    }

    @Test
    void worstCaseOverTheBudgetIsRejectedWithTheArithmetic() {
        ObjectNode doc = delegated();
        ((ObjectNode) doc.get("traffic")).put("ttlSeconds", 60).put("rtoSeconds", 60);
        assertThat(Fixtures.singleProblem(doc)).isEqualTo("traffic.rtoSeconds: the worst case failover is route53: 10 s interval x 2 failures + 10 s propagation"
                + " + 60 s TTL = 90 s, over the budget of 60 s; shorten the interval, threshold or TTL, or raise rtoSeconds");
    }

    @Test
    void hostnameOutsideTheDomain() {
        assertThat(problemOf(t -> t.put("hostname", "app.example.org")))
                .isEqualTo("traffic.hostname: 'app.example.org' is not under the stack's domain example.com; use e.g. app.example.com");
    }

    @Test
    void backendWithBothKinds() {
        assertThat(problemOf(t -> ((ObjectNode) t.withArray("dns").get(0)).putObject("cloudflare")))
                .isEqualTo("traffic.dns[0]: expected a mapping with exactly one of route53, cloudflare, clouddns, got the key(s) route53, cloudflare");
    }

    @Test
    void malformedHostedZone() {
        assertThat(problemOf(t -> ((ObjectNode) t.withArray("dns").get(0)).putObject("route53").put("hostedZoneId", "zone-1")))
                .isEqualTo("traffic.dns[0].route53.hostedZoneId: 'zone-1' is not a hosted zone id; like Z0123456789ABCDEFGHIJ");
    }

    @Test
    void cloudflareTokenMustBeAConfigKeyName() {
        assertThat(problemOf(t -> ((ObjectNode) t.withArray("dns").get(1).get("cloudflare")).remove("apiToken")))
                .startsWith("traffic.dns[1].cloudflare.apiToken: required; the name of a secret config key");
    }

    @Test
    void existingSiteNeedsCloudflareForItsExternalDns() {
        assertThat(problemOf(t -> t.withArray("dns").remove(1)))
                .isEqualTo("sites[metal-fra].provider: existing: its names metal-fra.app.example.com (route53 zone example.com),"
                        + " metal-fra.mesh.example.com (route53 zone example.com) live in a backend an existing cluster cannot write to"
                        + " (no workload identity AWS or Google trusts); make a cloudflare backend authoritative for them (its ExternalDNS then uses the scoped token)");
    }

    @Test
    void twoBackendsForTheSameZoneSplitItsNamesAndAreRejectedByName() {
        // The fixture declares Route 53 and Cloudflare, both for the stack's domain: the split brain.
        assertThat(Fixtures.singleProblem(withTraffic()))
                .isEqualTo("traffic.dns[1].cloudflare.zone: example.com (the default, the stack's domain) is also the zone of traffic.dns[0]"
                        + " (route53); two backends for one zone split its names (resolvers follow one delegation): give one a subzone"
                        + " the stack delegates, e.g. zone: app.example.com, or remove one");
    }

    @Test
    void aDelegatedSubzoneGivesEveryNameOneAuthority() {
        var topology = TopologyParser.parse(delegated());
        var authority = DnsAuthority.of(topology);
        assertThat(authority.global().kind()).isEqualTo("route53");
        assertThat(authority.authorityOf("aws-use1.app.example.com").orElseThrow().kind()).isEqualTo("route53");
        assertThat(authority.authorityOf("aws-use1.mesh.example.com").orElseThrow().kind()).isEqualTo("cloudflare");
        assertThat(authority.delegation().orElseThrow().child().name()).isEqualTo("app.example.com");
        assertThat(authority.names()).allSatisfy(n -> assertThat(n.zone()).isNotNull());
        // Each site runs one ExternalDNS per backend holding its names, each filtered to those names.
        assertThat(authority.externalDns("gcp-euw4").values()).containsExactly(java.util.List.of("www.app.example.com"), java.util.List.of("mesh.example.com"));
    }

    @Test
    void aCloudflareSubzoneOfRoute53NeedsItsNameServersAndTheEnterprisePlan() {
        ObjectNode doc = cloudOnly();
        var cf = (ObjectNode) doc.get("traffic").withArray("dns").get(1).get("cloudflare");
        cf.put("zone", "app.example.com");
        assertThat(Fixtures.singleProblem(doc)).isEqualTo("traffic.dns[1].cloudflare.nameServers: required for the subzone app.example.com"
                + " delegated from route53; the name servers Cloudflare assigned to the zone, e.g. [ada.ns.cloudflare.com, bob.ns.cloudflare.com]");
        cf.putArray("nameServers").add("ada.ns.cloudflare.com").add("bob.ns.cloudflare.com");
        var authority = DnsAuthority.of(TopologyParser.parse(doc));
        assertThat(authority.delegation().orElseThrow().parent().kind()).isEqualTo("route53");
        assertThat(authority.global().kind()).isEqualTo("cloudflare");
        cf.put("plan", "business").put("zone", "app.example.com");
        ((ObjectNode) doc.get("traffic")).putObject("healthCheck").put("intervalSeconds", 30);
        assertThat(Fixtures.singleProblem(doc)).startsWith("traffic.dns[1].cloudflare.plan: business cannot hold the subzone app.example.com;"
                + " Cloudflare subdomain setups need the enterprise plan");
    }

    @Test
    void aNameNoBackendHoldsIsRejected() {
        ObjectNode doc = cloudOnly();
        ((ObjectNode) doc.get("traffic")).withArray("dns").remove(1);
        ((ObjectNode) doc.get("traffic").withArray("dns").get(0).get("route53")).put("zone", "app.example.com");
        ((ObjectNode) doc.get("traffic")).put("hostname", "www.app.example.com");
        assertThat(Fixtures.singleProblem(doc)).isEqualTo("traffic.dns: no backend's zone holds aws-use1.mesh.example.com,"
                + " gcp-euw4.mesh.example.com, az-weu.mesh.example.com; one backend's zone must be the stack's domain example.com");
    }

    @Test
    void aZoneOutsideTheDomainOrHoldingNoNameIsRejected() {
        ObjectNode outside = delegated();
        ((ObjectNode) outside.get("traffic").withArray("dns").get(0).get("route53")).put("zone", "example.net");
        assertThat(Fixtures.singleProblem(outside)).isEqualTo("traffic.dns[0].route53.zone: 'example.net' is not the stack's domain example.com"
                + " or a subzone of it; e.g. example.com or app.example.com");
        ObjectNode empty = delegated();
        ((ObjectNode) empty.get("traffic").withArray("dns").get(0).get("route53")).put("zone", "db.example.com");
        assertThat(Fixtures.singleProblem(empty)).startsWith("traffic.dns[0].route53.zone: db.example.com holds none of the names the stack publishes");
    }

    @Test
    void latencyRoutingNeedsTheNearestAwsRegionOfExistingSites() {
        assertThat(problemOf(t -> t.remove("latencyRegions")))
                .startsWith("traffic.latencyRegions.metal-fra: required for latency routing");
    }

    @Test
    void geoRoutingNeedsAContinentPerSite() {
        ObjectNode doc = withTraffic();
        ((ObjectNode) doc.get("traffic")).put("routing", "geo");
        var thrown = catchThrowableOfType(TopologyException.class, () -> TopologyParser.parse(doc));
        assertThat(thrown.problems()).hasSize(4).first().asString().startsWith("traffic.geo.aws-use1: required for geo routing");
    }

    @Test
    void failoverRoutingNeedsExactlyTwoSites() {
        assertThat(problemOf(t -> t.put("routing", "failover")))
                .startsWith("traffic.routing: failover routing has one primary and one secondary, but the stack has 4 sites");
    }

    @Test
    void unknownRouting() {
        assertThat(problemOf(t -> t.put("routing", "anycast")))
                .isEqualTo("traffic.routing: 'anycast' is not allowed; use one of latency, geo, weighted, failover");
    }

    @Test
    void misspelledTrafficKey() {
        assertThat(problemOf(t -> t.put("ttl", 30)))
                .startsWith("traffic.ttl: unknown key; did you mean 'ttlSeconds'?");
    }

    /**
     * Two GKE sites (the fixture's, and its Azure site moved to GKE in europe-west1), their names
     * in Cloud DNS, geo routing by each site's own region.
     */
    static ObjectNode cloudDns() {
        ObjectNode doc = Fixtures.valid();
        var sites = doc.withArray("sites");
        sites.remove(3);
        ObjectNode second = (ObjectNode) sites.get(2);
        second.put("name", "gcp-euw1").put("provider", "gcp").put("region", "europe-west1");
        second.remove("azure");
        second.putObject("gcp").put("project", "multisite-test-gcp").put("masterIpv4Cidr", "192.168.3.0/28");
        sites.remove(0);
        doc.set("traffic", Fixtures.yaml("""
                hostname: app.example.com
                routing: geo
                rtoSeconds: 120
                healthCheck: {intervalSeconds: 30}
                dns:
                  - clouddns: {managedZone: example-com, project: dns-prod-1234, endpoints: {gcp-euw4: 203.0.113.10, gcp-euw1: 198.51.100.20}}
                """));
        return doc;
    }

    private static String cloudDnsProblem(Consumer<ObjectNode> breakIt) {
        ObjectNode doc = cloudDns();
        breakIt.accept(doc);
        return Fixtures.singleProblem(doc);
    }

    private static ObjectNode cloudDnsBlock(ObjectNode doc) {
        return (ObjectNode) doc.get("traffic").withArray("dns").get(0).get("clouddns");
    }

    @Test
    void cloudDnsParsesWithItsZoneProjectAndEndpoints() {
        Topology topology = TopologyParser.parse(cloudDns());
        var backend = (DnsBackend.CloudDnsBackend) topology.traffic().dns().get(0);
        assertThat(backend.kind()).isEqualTo(DnsBackend.Kind.CLOUDDNS);
        assertThat(backend.managedZone()).isEqualTo("example-com");
        assertThat(backend.sourceRegions()).hasSize(3);
        assertThat(backend.location(topology.sites().get(0))).contains("europe-west4");
        assertThat(DnsAuthority.of(topology).global().kind()).isEqualTo("clouddns");
        // Back through TopologyJson as the one-key mapping a stack file holds.
        assertThat(TopologyJson.of(topology).path("traffic").path("dns").get(0).has("clouddns")).isTrue();
        assertThat(TopologyParser.parse(TopologyJson.of(topology))).isEqualTo(topology);
    }

    @Test
    void cloudDnsRefusesLatencyRouting() {
        assertThat(cloudDnsProblem(d -> ((ObjectNode) d.get("traffic")).put("routing", "latency"))).isEqualTo("traffic.routing: latency"
                + " (the default) has no Cloud DNS routing policy; Cloud DNS serves app.example.com here, so use geo (each site's Google Cloud"
                + " region, or clouddns.locations) or weighted (by capacity)");
    }

    @Test
    void cloudDnsRefusesABadManagedZoneName() {
        assertThat(cloudDnsProblem(d -> cloudDnsBlock(d).put("managedZone", "Example.com"))).isEqualTo("traffic.dns[0].clouddns.managedZone:"
                + " 'Example.com' is not a managed zone name; 1-63 lowercase letters, digits or dashes, starting with a letter, e.g. example-org");
    }

    @Test
    void cloudDnsRefusesABadProject() {
        assertThat(cloudDnsProblem(d -> cloudDnsBlock(d).put("project", "p1"))).isEqualTo("traffic.dns[0].clouddns.project: 'p1' is not"
                + " a project id; 6-30 lowercase letters, digits or dashes, starting with a letter, e.g. dns-prod-1234");
    }

    @Test
    void cloudDnsNeedsAPublicEndpointPerSite() {
        assertThat(cloudDnsProblem(d -> cloudDnsBlock(d).putObject("endpoints").put("gcp-euw1", "198.51.100.20"))).isEqualTo("traffic.dns[0].clouddns.endpoints.gcp-euw4:"
                + " required: the public IPv4 address of the site's ingress, which Cloud DNS health-checks and answers app.example.com with");
        assertThat(cloudDnsProblem(d -> cloudDnsBlock(d).putObject("endpoints").put("gcp-euw4", "10.1.2.3").put("gcp-euw1", "198.51.100.20"))).isEqualTo(
                "traffic.dns[0].clouddns.endpoints.gcp-euw4: 10.1.2.3 is not a public address; Cloud DNS health-checks a public zone's"
                        + " external endpoints from the internet, so give the site's public ingress address");
    }

    @Test
    void cloudDnsNeedsThirtySecondChecks() {
        assertThat(cloudDnsProblem(d -> ((ObjectNode) d.get("traffic").get("healthCheck")).put("intervalSeconds", 10))).isEqualTo(
                "traffic.healthCheck.intervalSeconds: 10 is below Cloud DNS's minimum of 30 s (Compute Engine health checks with source regions);"
                        + " use 30 or more");
    }

    @Test
    void cloudDnsTakesExactlyThreeSourceRegions() {
        assertThat(cloudDnsProblem(d -> cloudDnsBlock(d).putArray("sourceRegions").add("us-east4"))).isEqualTo(
                "traffic.dns[0].clouddns.sourceRegions: [us-east4] has 1 region(s); a Compute Engine health check with source regions"
                        + " takes exactly 3 distinct regions");
    }

    @Test
    void cloudDnsBudgetIsCheckedAgainstTheRto() {
        assertThat(cloudDnsProblem(d -> ((ObjectNode) d.get("traffic")).put("rtoSeconds", 60))).isEqualTo("traffic.rtoSeconds: the worst"
                + " case failover is clouddns: 30 s interval x 2 failures + 30 s propagation + 15 s TTL = 105 s, over the budget of 60 s;"
                + " shorten the interval, threshold or TTL, or raise rtoSeconds");
    }

    @Test
    void cloudDnsIsNotWritableFromExistingSites() {
        ObjectNode doc = cloudDns();
        doc.withArray("sites").add(Fixtures.valid().withArray("sites").get(3));
        cloudDnsBlock(doc).with("endpoints").put("metal-fra", "192.0.2.50");
        cloudDnsBlock(doc).putObject("locations").put("metal-fra", "europe-west3");
        assertThat(Fixtures.singleProblem(doc)).isEqualTo("sites[metal-fra].provider: existing: its names metal-fra.app.example.com"
                + " (clouddns zone example.com), metal-fra.mesh.example.com (clouddns zone example.com) live in a backend an existing cluster"
                + " cannot write to (no workload identity AWS or Google trusts); make a cloudflare backend authoritative for them (its"
                + " ExternalDNS then uses the scoped token)");
    }

    @Test
    void unknownKeyInsideABackendNamesTheBackend() {
        assertThat(cloudDnsProblem(d -> cloudDnsBlock(d).put("zoneName", "x"))).startsWith("traffic.dns[0].clouddns.zoneName: unknown key");
    }

    @Test
    void unknownBackendIsOneLine() {
        assertThat(cloudDnsProblem(d -> ((ObjectNode) d.get("traffic")).putArray("dns").addObject().putObject("ns1")))
                .isEqualTo("traffic.dns[0]: expected a mapping with exactly one of route53, cloudflare, clouddns, got the key(s) ns1");
    }
}
