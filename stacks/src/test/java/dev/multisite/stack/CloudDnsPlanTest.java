package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gcpdns: Cloud DNS serves the global hostname (a health-checked geolocation routing policy) and
 * every site's ExternalDNS writes to it with the google provider: a GKE site through Workload
 * Identity, an EKS site through Workload Identity Federation.
 */
class CloudDnsPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;
    /** The released chart's schema (external-dns-helm-chart-1.21.1, charts/external-dns/values.schema.json). */
    private static Schema chartSchema;

    @BeforeAll
    static void planGcpDns() throws Exception {
        plan = ExampleStacks.plan("gcpdns");
        try (InputStream in = CloudDnsPlanTest.class.getResourceAsStream("/external-dns-1.21.1/values.schema.json")) {
            chartSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    private static PlannedResource only(String type) {
        List<PlannedResource> all = plan.ofType(type);
        assertThat(all).as(type).hasSize(1);
        return all.get(0);
    }

    private static PlannedResource named(String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    @Test
    void theGlobalNameIsOneGeoRecordSetOfHealthCheckedExternalEndpoints() {
        JsonNode record = only("gcp:dns/recordSet:RecordSet").inputs();
        assertThat(record.path("name").asText()).isEqualTo("app.gcp.example.com.");
        assertThat(record.path("type").asText()).isEqualTo("A");
        assertThat(record.path("managedZone").asText()).isEqualTo("gcp-example-com");
        assertThat(record.path("ttl").asInt()).isEqualTo(15);
        assertThat(record.has("rrdatas")).as("a routed record set has no static rrdatas").isFalse();
        JsonNode policy = record.path("routingPolicy");
        assertThat(policy.has("wrrs") || policy.has("primaryBackup")).as("one routing policy per record set").isFalse();
        assertThat(policy.path("geos")).hasSize(2);
        assertThat(policy.path("geos").get(0).path("location").asText()).isEqualTo("europe-west4");
        assertThat(policy.path("geos").get(0).path("healthCheckedTargets").path("externalEndpoints").get(0).asText()).isEqualTo("203.0.113.41");
        assertThat(policy.path("geos").get(1).path("location").asText()).isEqualTo("us-east4");
        assertThat(policy.path("healthCheck").asText()).startsWith("app-gcp-example-com-clouddns-check");
    }

    @Test
    void theHealthCheckProbesFromThreeSourceRegionsAtThirtySeconds() {
        JsonNode check = only("gcp:compute/healthCheck:HealthCheck").inputs();
        assertThat(check.path("sourceRegions")).hasSize(3);
        assertThat(check.path("checkIntervalSec").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(check.path("timeoutSec").asInt()).isLessThanOrEqualTo(check.path("checkIntervalSec").asInt());
        assertThat(check.path("unhealthyThreshold").asInt()).isEqualTo(2);
        assertThat(check.path("httpsHealthCheck").path("host").asText()).isEqualTo("app.gcp.example.com");
        assertThat(check.path("httpsHealthCheck").path("requestPath").asText()).isEqualTo("/healthz");
    }

    @Test
    void externalDnsUsesTheGoogleProviderScopedToTheZoneAndItsValuesFitTheChart() {
        var releases = plan.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> r.name().endsWith("-external-dns-release")).toList();
        assertThat(releases).hasSize(2);
        for (PlannedResource release : releases) {
            JsonNode values = release.inputs().path("values");
            assertThat(values.path("provider").path("name").asText()).isEqualTo("google");
            assertThat(JSON.convertValue(values.path("extraArgs"), List.class)).containsExactly("--google-project=multisite-gcpdns-dns",
                    "--google-zone-visibility=public", "--zone-id-filter=gcp-example-com");
            assertThat(chartSchema.validate(values)).as(release.name()).isEmpty();
        }
        // The schema check does catch a value of the wrong shape.
        var broken = releases.get(0).inputs().path("values").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("extraArgs", "not-a-list");
        assertThat(chartSchema.validate(broken)).isNotEmpty();
    }

    @Test
    void eachSiteActsAsAServiceAccountAllowedOnlyOnTheOneZone() {
        var zoneRoles = plan.ofType("gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember");
        assertThat(zoneRoles).hasSize(2).allSatisfy(r -> {
            assertThat(r.inputs().path("managedZone").asText()).isEqualTo("gcp-example-com");
            assertThat(r.inputs().path("role").asText()).isEqualTo("roles/dns.admin");
        });
        // GKE: Workload Identity, the KSA names the Google service account.
        JsonNode gke = named("kubernetes:helm.sh/v3:Release", "gcp-euw4-external-dns-release").inputs().path("values");
        assertThat(gke.path("serviceAccount").path("annotations").path("iam.gke.io/gcp-service-account").asText()).contains("@");
        assertThat(named("gcp:serviceaccount/iAMMember:IAMMember", "gcp-euw4-external-dns-wi").inputs().path("member").asText())
                .isEqualTo("serviceAccount:multisite-gcpdns-euw4.svc.id.goog[external-dns/external-dns]");
        // EKS: federation trusting the cluster's issuer, the pool principal of the service account's subject.
        assertThat(named("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "aws-use1-external-dns-oidc").inputs()
                .path("oidc").path("issuerUri").asText()).startsWith("https://oidc.eks.");
        assertThat(named("gcp:serviceaccount/iAMMember:IAMMember", "aws-use1-external-dns-wif").inputs().path("member").asText())
                .startsWith("principal://iam.googleapis.com/projects/").endsWith("/subject/system:serviceaccount:external-dns:external-dns");
        JsonNode eks = named("kubernetes:helm.sh/v3:Release", "aws-use1-external-dns-release").inputs().path("values");
        assertThat(eks.path("env").get(0).path("name").asText()).isEqualTo("GOOGLE_APPLICATION_CREDENTIALS");
        JsonNode credentials = named("kubernetes:core/v1:ConfigMap", "aws-use1-external-dns-gcp-credentials").inputs().path("data");
        assertThat(credentials.path("credentials.json").asText()).contains("\"type\":\"external_account\"", "generateAccessToken")
                .doesNotContain("private_key");
    }

    /** The leaf input paths a planned resource sets: objects walked by key, lists of objects as {@code name[]}. */
    static java.util.Set<String> leafPaths(JsonNode node, String prefix) {
        var out = new java.util.TreeSet<String>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> out.addAll(leafPaths(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey())));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            node.forEach(element -> out.addAll(leafPaths(element, prefix + "[]")));
        } else {
            out.add(prefix);
        }
        return out;
    }

    @Test
    void theCloudDnsResourcesSetOnlyInputsOfThePinnedGcpSchema() throws Exception {
        var schema = new java.util.HashMap<String, java.util.Set<String>>();
        try (InputStream in = CloudDnsPlanTest.class.getResourceAsStream("/gcp-8.41.1-cloud-dns-input-paths.txt")) {
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(" ", 2)).forEach(p -> schema.computeIfAbsent(p[0], k -> new java.util.TreeSet<>()).add(p[1]));
        }
        for (String type : List.of("gcp:dns/recordSet:RecordSet", "gcp:compute/healthCheck:HealthCheck")) {
            var paths = leafPaths(only(type).inputs(), "");
            assertThat(paths).as(type).isNotEmpty();
            assertThat(schema.get(type)).as(type + " inputs in pulumi-gcp 8.41.1").containsAll(paths);
        }
        // The check does notice a path the schema lacks (the Java SDK 7.0.0 name of nothing in 8.41.1).
        assertThat(schema.get("gcp:dns/recordSet:RecordSet")).doesNotContain("routingPolicy.geos[].healthCheckedTargets.externalEndpoint");
        assertThat(leafPaths(JSON.readTree("{\"a\":{\"b\":[{\"c\":1}],\"d\":[\"x\"]}}"), "")).containsExactly("a.b[].c", "a.d");
    }

    /** gcpdns with a second backend: Route 53 beside Cloud DNS, one of them holding the subzone app.gcp.example.com. */
    private static Plan withRoute53(boolean cloudDnsIsTheParent) throws Exception {
        var t = ExampleStacks.topologyTree("gcpdns");
        var traffic = (com.fasterxml.jackson.databind.node.ObjectNode) t.path("traffic");
        var dns = traffic.withArray("dns");
        var route53 = dns.addObject().putObject("route53").put("hostedZoneId", "Z0123456789GCPDNS");
        if (cloudDnsIsTheParent) {
            // Route 53 holds the subzone with the global name below its apex; Cloud DNS the domain (mesh names).
            route53.put("zone", "app.gcp.example.com");
            traffic.put("hostname", "www.app.gcp.example.com").put("routing", "latency").putObject("latencyRegions").put("gcp-euw4", "eu-central-1");
            ((com.fasterxml.jackson.databind.node.ObjectNode) traffic.path("healthCheck")).put("intervalSeconds", 30);
        } else {
            // Cloud DNS holds the subzone with the global name; Route 53 the domain (mesh names).
            ((com.fasterxml.jackson.databind.node.ObjectNode) dns.get(0).path("clouddns")).put("zone", "app.gcp.example.com");
        }
        return dev.multisite.stack.plan.OfflinePlanner.plan("gcpdns", dev.multisite.topology.TopologyParser.parse(t));
    }

    @Test
    void aCloudDnsSubzoneOfARoute53ZoneIsDelegatedWithCloudDnssFourNameServers() throws Exception {
        Plan plan = withRoute53(false);
        var ns = delegation(plan, "aws:route53/record:Record");
        assertThat(ns.path("name").asText()).isEqualTo("app.gcp.example.com");
        assertThat(ns.path("records")).hasSize(4).allSatisfy(n -> assertThat(n.asText()).matches("ns-cloud-[a-e][1-4]\\.googledomains\\.com\\."));
        // Cloud DNS still serves the global name; each site writes its mesh name to Route 53 and its site name to Cloud DNS.
        assertThat(plan.ofType("gcp:dns/recordSet:RecordSet")).hasSize(1);
        assertThat(plan.ofType("kubernetes:helm.sh/v3:Release").stream().filter(r -> r.name().startsWith("gcp-euw4-external-dns")).count()).isEqualTo(2);
    }

    @Test
    void aRoute53SubzoneOfACloudDnsZoneIsDelegatedByAnNsRecordSetInTheManagedZone() throws Exception {
        Plan plan = withRoute53(true);
        var ns = delegation(plan, "gcp:dns/recordSet:RecordSet");
        assertThat(ns.path("name").asText()).isEqualTo("app.gcp.example.com.");
        assertThat(ns.path("managedZone").asText()).isEqualTo("gcp-example-com");
        assertThat(ns.path("rrdatas")).hasSize(4).allSatisfy(n -> assertThat(n.asText()).contains("awsdns").endsWith("."));
        // Route 53 serves the global name now: no Cloud DNS health check or routed record set.
        assertThat(plan.ofType("gcp:compute/healthCheck:HealthCheck")).isEmpty();
        assertThat(plan.ofType("aws:route53/healthCheck:HealthCheck")).isNotEmpty();
    }

    /** The inputs of the record that delegates the subzone, planned as {@code type}; an NS record. */
    private static JsonNode delegation(Plan plan, String type) {
        var ns = plan.ofType(type).stream().filter(r -> r.name().equals("global-delegation-ns")).findFirst().orElseThrow().inputs();
        assertThat(ns.path("type").asText()).isEqualTo("NS");
        return ns;
    }
}
