package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.stack.plan.Plan;
import dev.multisite.stack.plan.PlannedResource;
import dev.multisite.stack.plan.PreviewDocument;
import dev.multisite.topology.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The traffic layer of the prod stack: Route 53, Cloudflare, ExternalDNS and the health app. */
class TrafficPlanTest {
    private static Plan plan;
    private static Topology topology;
    private static Map<String, PlannedResource> byUrn;

    @BeforeAll
    static void planProd() {
        topology = ExampleStacks.read("prod").topology();
        plan = ExampleStacks.plan("prod");
        byUrn = plan.resources().stream().collect(Collectors.toMap(PlannedResource::urn, Function.identity()));
    }

    private static PlannedResource named(String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    private static String idOf(PlannedResource r) {
        return r.name() + "-";
    }

    @Test
    void oneDeepHealthCheckPerSiteWithTheConfiguredDefinition() {
        var hc = topology.traffic().healthCheck();
        for (var site : topology.sites()) {
            JsonNode in = named("aws:route53/healthCheck:HealthCheck", site.name() + "-check").inputs();
            assertThat(in.path("type").asText()).isEqualTo("HTTPS_STR_MATCH");
            assertThat(in.path("fqdn").asText()).isEqualTo(site.name() + ".app.example.com");
            assertThat(in.path("resourcePath").asText()).isEqualTo(hc.path());
            assertThat(in.path("requestInterval").asInt()).isEqualTo(hc.intervalSeconds());
            assertThat(in.path("failureThreshold").asInt()).isEqualTo(hc.failureThreshold());
            assertThat(in.path("regions")).extracting(JsonNode::asText).containsExactlyElementsOf(hc.regions());
            assertThat(in.path("searchString").asText()).isEqualTo("ok ");
        }
    }

    @Test
    void servingCheckIsTheSiteCheckAndTheDrainSwitch() {
        for (var site : topology.sites()) {
            var serving = named("aws:route53/healthCheck:HealthCheck", site.name() + "-serving");
            var drain = named("aws:route53/healthCheck:HealthCheck", site.name() + "-drain");
            assertThat(serving.inputs().path("type").asText()).isEqualTo("CALCULATED");
            assertThat(serving.inputs().path("childHealthThreshold").asInt()).isEqualTo(2);
            assertThat(serving.inputs().path("childHealthchecks")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder(site.name() + "-check-" + hash(site.name() + "-check"), site.name() + "-drain-" + hash(site.name() + "-drain"));
            assertThat(drain.inputs().path("type").asText()).isEqualTo("CALCULATED");
            assertThat(drain.inputs().path("childHealthThreshold").asInt()).isZero();
            assertThat(drain.inputs().path("invertHealthcheck").asBoolean()).isFalse();
        }
    }

    private static String hash(String name) {
        return plan.outputs().get(name.endsWith("-drain") ? "drainSwitches" : "healthChecks")
                .path(name.substring(0, name.lastIndexOf('-'))).asText().replace(name + "-", "");
    }

    @Test
    void oneLatencyRecordPerSiteWithItsOwnSetIdentifierAndServingCheck() {
        List<PlannedResource> records = plan.ofType("aws:route53/record:Record");
        assertThat(records).hasSize(topology.sites().size());
        assertThat(records).extracting(r -> r.inputs().path("setIdentifier").asText())
                .containsExactlyInAnyOrderElementsOf(topology.sites().stream().map(s -> s.name()).toList());
        for (PlannedResource r : records) {
            String site = r.inputs().path("setIdentifier").asText();
            assertThat(r.inputs().path("name").asText()).isEqualTo("app.example.com");
            assertThat(r.inputs().path("ttl").asInt()).isEqualTo(15);
            assertThat(r.inputs().path("records").get(0).asText()).isEqualTo(site + ".app.example.com");
            assertThat(r.inputs().path("healthCheckId").asText()).startsWith(site + "-serving-");
            assertThat(r.inputs().path("latencyRoutingPolicies").get(0).path("region").asText()).isNotEmpty();
        }
        assertThat(named("aws:route53/record:Record", "metal-fra-global").inputs().path("latencyRoutingPolicies").get(0)
                .path("region").asText()).isEqualTo("eu-central-1");
        assertThat(named("aws:route53/record:Record", "gcp-euw4-global").inputs().path("latencyRoutingPolicies").get(0)
                .path("region").asText()).isEqualTo("eu-central-1");
    }

    @Test
    void cloudflareHasOnePoolPerSiteAndFallsBackToTheLargestSite() {
        List<PlannedResource> pools = plan.ofType("cloudflare:index/loadBalancerPool:LoadBalancerPool");
        assertThat(pools).extracting(p -> p.inputs().path("origins").get(0).path("address").asText())
                .containsExactlyInAnyOrderElementsOf(topology.sites().stream().map(s -> s.name() + ".app.example.com").toList());
        JsonNode lb = plan.ofType("cloudflare:index/loadBalancer:LoadBalancer").get(0).inputs();
        assertThat(lb.path("name").asText()).isEqualTo("app.example.com");
        assertThat(lb.path("fallbackPoolId").asText()).startsWith("aws-use1-pool-");
        assertThat(lb.path("defaultPoolIds")).hasSize(5);
        assertThat(lb.path("proxied").asBoolean()).isTrue();
        assertThat(lb.path("steeringPolicy").asText()).isEqualTo("dynamic_latency");
        JsonNode monitor = plan.ofType("cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor").get(0).inputs();
        assertThat(monitor.path("path").asText()).isEqualTo("/healthz");
        assertThat(monitor.path("interval").asInt()).isEqualTo(10);
        assertThat(monitor.path("consecutiveDown").asInt()).isEqualTo(2);
        assertThat(plan.ofType("cloudflare:index/loadBalancerPool:LoadBalancerPool")).allSatisfy(p ->
                assertThat(byUrn.get(p.providerUrn()).type()).isEqualTo("pulumi:providers:cloudflare"));
    }

    @Test
    void externalDnsOwnerIdsAreDistinctAndEachSitePublishesOnlyUnderTheHostname() {
        List<JsonNode> values = plan.ofType("kubernetes:helm.sh/v3:Release").stream()
                .filter(r -> r.name().endsWith("-external-dns-release")).map(r -> r.inputs().path("values")).toList();
        assertThat(values).hasSize(topology.sites().size());
        assertThat(values).extracting(v -> v.path("txtOwnerId").asText()).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("multisite-prod-"));
        assertThat(values).allSatisfy(v -> {
            assertThat(v.path("policy").asText()).isEqualTo("upsert-only");
            // The global hostname's subtree, and the mesh apiserver names (<site>.mesh.<domain>).
            assertThat(v.path("domainFilters")).extracting(JsonNode::asText).containsExactly("app.example.com", "mesh.example.com");
        });
        assertThat(named("kubernetes:helm.sh/v3:Release", "metal-fra-external-dns-release").inputs().path("values")
                .path("provider").path("name").asText()).isEqualTo("cloudflare");
        assertThat(named("kubernetes:helm.sh/v3:Release", "gcp-euw4-external-dns-release").inputs().path("values")
                .path("provider").path("name").asText()).isEqualTo("aws");
    }

    @Test
    void externalDnsRolesMayChangeOnlyTheOneZoneAndTrustOnlyTheirSite() throws Exception {
        var json = new ObjectMapper();
        var policies = plan.ofType("aws:iam/rolePolicy:RolePolicy").stream().filter(p -> p.name().endsWith("-external-dns-route53")).toList();
        assertThat(policies).hasSize(4);
        for (PlannedResource p : policies) {
            JsonNode doc = json.readTree(p.inputs().path("policy").asText());
            for (JsonNode statement : doc.path("Statement")) {
                List<String> actions = json.convertValue(statement.path("Action"), List.class);
                List<String> resources = json.convertValue(statement.path("Resource"), List.class);
                if (actions.contains("route53:ChangeResourceRecordSets")) {
                    assertThat(resources).containsExactly("arn:aws:route53:::hostedzone/Z0123456789EXAMPLEPROD");
                } else {
                    assertThat(actions).containsExactly("route53:ListHostedZones");
                }
            }
        }
        JsonNode trust = json.readTree(named("aws:iam/role:Role", "az-weu-external-dns-role").inputs().path("assumeRolePolicy").asText());
        JsonNode equals = trust.path("Statement").get(0).path("Condition").path("StringEquals");
        assertThat(equals.toString()).contains(":sub\":\"system:serviceaccount:external-dns:external-dns\"", ":aud\":\"sts.amazonaws.com\"");
        assertThat(trust.path("Statement").get(0).path("Principal").path("Federated").asText()).contains("oidc-provider/");
    }

    @Test
    void theDeepHealthAppRunsInEverySiteBehindItsOwnName() {
        assertThat(plan.ofType("kubernetes:networking.k8s.io/v1:Ingress")).hasSize(topology.sites().size()).allSatisfy(i -> {
            String site = i.name().replace("-healthz-ingress", "");
            assertThat(i.inputs().path("metadata").path("annotations").path("external-dns.alpha.kubernetes.io/hostname").asText())
                    .isEqualTo(site + ".app.example.com");
            assertThat(i.inputs().path("spec").path("rules")).extracting(r -> r.path("host").asText())
                    .containsExactly(site + ".app.example.com", "app.example.com");
        });
        assertThat(plan.ofType("kubernetes:apps/v1:Deployment")).allSatisfy(d -> assertThat(d.inputs().toString())
                .contains("\"SITE\"", "MULTISITE_DB_READ_HOST"));
    }

    @Test
    void theCloudflareTokenIsNeverPlain() throws Exception {
        String text = PreviewDocument.of(plan, ExampleStacks.read("prod").config(), 0).toJson();
        assertThat(text).doesNotContain("offline-placeholder", "AAABAMultisiteExampleTokenPlaceholder");
        assertThat(plan.ofType("pulumi:providers:cloudflare").get(0).inputs().path("apiToken").asText()).isEqualTo("[secret]");
        assertThat(plan.ofType("kubernetes:core/v1:Secret")).allSatisfy(s -> assertThat(s.inputs().path("stringData").asText()).isEqualTo("[secret]"));
    }

    @Test
    void budgetAndDrainSwitchesAreStackOutputs() {
        assertThat(plan.outputs().get("failoverBudgetSeconds").path("route53").asInt()).isEqualTo(45);
        assertThat(plan.outputs().get("failoverBudgetSeconds").path("cloudflare").asInt()).isEqualTo(25);
        assertThat(plan.outputs().get("drainSwitches").size()).isEqualTo(5);
        assertThat(plan.outputs().get("globalHostname").asText()).isEqualTo("app.example.com");
    }
}
