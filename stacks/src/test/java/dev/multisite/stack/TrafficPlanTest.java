package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.offline.Plan;
import dev.multisite.offline.PlannedResource;
import dev.multisite.stack.plan.PreviewDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traffic layer: prod, where Cloudflare is the one authority (load balancer and every name),
 * and data, where Route 53 holds the delegated subzone of the global hostname (health-checked
 * records, site names) and Cloudflare the apex (mesh names, the NS delegation).
 */
class TrafficPlanTest {
    private static PlannedExample prod;
    /** data: Route 53 authoritative for app.example.org. */
    private static PlannedExample r53;

    @BeforeAll
    static void planProd() {
        prod = PlannedExample.of("prod");
        r53 = PlannedExample.of("data");
    }

    private static String idOf(PlannedResource r) {
        return r.name() + "-";
    }

    @Test
    void oneDeepHealthCheckPerSiteWithTheConfiguredDefinition() {
        var hc = r53.topology().traffic().healthCheck();
        for (var site : r53.topology().sites()) {
            JsonNode in = r53.named("aws:route53/healthCheck:HealthCheck", site.name() + "-check").inputs();
            assertThat(in.path("type").asText()).isEqualTo("HTTPS_STR_MATCH");
            assertThat(in.path("fqdn").asText()).isEqualTo(site.name() + ".www.app.example.org");
            assertThat(in.path("resourcePath").asText()).isEqualTo(hc.path());
            assertThat(in.path("requestInterval").asInt()).isEqualTo(hc.intervalSeconds());
            assertThat(in.path("failureThreshold").asInt()).isEqualTo(hc.failureThreshold());
            assertThat(in.path("regions")).extracting(JsonNode::asText).containsExactlyElementsOf(hc.regions());
            assertThat(in.path("searchString").asText()).isEqualTo("ok ");
        }
    }

    @Test
    void servingCheckIsTheSiteCheckAndTheDrainSwitch() {
        for (var site : r53.topology().sites()) {
            var serving = r53.named("aws:route53/healthCheck:HealthCheck", site.name() + "-serving");
            var drain = r53.named("aws:route53/healthCheck:HealthCheck", site.name() + "-drain");
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
        return r53.plan().outputs().get(name.endsWith("-drain") ? "drainSwitches" : "healthChecks")
                .path(name.substring(0, name.lastIndexOf('-'))).asText().replace(name + "-", "");
    }

    @Test
    void oneLatencyRecordPerSiteWithItsOwnSetIdentifierAndServingCheck() {
        List<PlannedResource> records = r53.plan().ofType("aws:route53/record:Record");
        assertThat(records).hasSize(r53.topology().sites().size());
        assertThat(records).extracting(r -> r.inputs().path("setIdentifier").asText())
                .containsExactlyInAnyOrderElementsOf(r53.topology().sites().stream().map(s -> s.name()).toList());
        for (PlannedResource r : records) {
            String site = r.inputs().path("setIdentifier").asText();
            assertThat(r.inputs().path("name").asText()).isEqualTo("www.app.example.org");
            assertThat(r.inputs().path("ttl").asInt()).isEqualTo(15);
            assertThat(r.inputs().path("records").get(0).asText()).isEqualTo(site + ".www.app.example.org");
            assertThat(r.inputs().path("healthCheckId").asText()).startsWith(site + "-serving-");
            assertThat(r.inputs().path("latencyRoutingPolicies").get(0).path("region").asText()).isNotEmpty();
        }
        assertThat(r53.named("aws:route53/record:Record", "gcp-euw4-global").inputs().path("latencyRoutingPolicies").get(0)
                .path("region").asText()).isEqualTo("eu-central-1");
    }

    @Test
    void cloudflareHasOnePoolPerSiteAndFallsBackToTheLargestSite() {
        List<PlannedResource> pools = prod.plan().ofType("cloudflare:index/loadBalancerPool:LoadBalancerPool");
        assertThat(pools).extracting(p -> p.inputs().path("origins").get(0).path("address").asText())
                .containsExactlyInAnyOrderElementsOf(prod.topology().sites().stream().map(s -> s.name() + ".app.example.com").toList());
        JsonNode lb = prod.plan().ofType("cloudflare:index/loadBalancer:LoadBalancer").get(0).inputs();
        assertThat(lb.path("name").asText()).isEqualTo("app.example.com");
        assertThat(lb.path("fallbackPoolId").asText()).startsWith("aws-use1-pool-");
        assertThat(lb.path("defaultPoolIds")).hasSize(5);
        assertThat(lb.path("proxied").asBoolean()).isTrue();
        assertThat(lb.path("steeringPolicy").asText()).isEqualTo("dynamic_latency");
        JsonNode monitor = prod.plan().ofType("cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor").get(0).inputs();
        assertThat(monitor.path("path").asText()).isEqualTo("/healthz");
        assertThat(monitor.path("interval").asInt()).isEqualTo(10);
        assertThat(monitor.path("consecutiveDown").asInt()).isEqualTo(2);
        assertThat(prod.plan().ofType("cloudflare:index/loadBalancerPool:LoadBalancerPool")).allSatisfy(p ->
                assertThat(prod.plan().byUrn(p.providerUrn()).orElseThrow().type()).isEqualTo("pulumi:providers:cloudflare"));
    }

    @Test
    void externalDnsOwnerIdsAreDistinctAndEachSitePublishesOnlyUnderTheHostname() {
        List<JsonNode> values = prod.plan().ofType("kubernetes:helm.sh/v3:Release").stream()
                .filter(r -> r.name().endsWith("-external-dns-release")).map(r -> r.inputs().path("values")).toList();
        assertThat(values).hasSize(prod.topology().sites().size());
        assertThat(values).extracting(v -> v.path("txtOwnerId").asText()).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("multisite-prod-"));
        assertThat(values).allSatisfy(v -> {
            assertThat(v.path("policy").asText()).isEqualTo("upsert-only");
            // The global hostname's subtree, and the mesh apiserver names (<site>.mesh.<domain>): all in Cloudflare's zone.
            assertThat(v.path("domainFilters")).extracting(JsonNode::asText).containsExactly("app.example.com", "mesh.example.com");
            assertThat(v.path("provider").path("name").asText()).isEqualTo("cloudflare");
        });
    }

    @Test
    void everyExternalDnsWritesToTheBackendAuthoritativeForItsNames() {
        List<PlannedResource> releases = r53.plan().ofType("kubernetes:helm.sh/v3:Release").stream()
                .filter(r -> r.name().contains("-external-dns")).toList();
        assertThat(releases).hasSize(2 * r53.topology().sites().size());
        assertThat(releases).extracting(r -> r.inputs().path("values").path("txtOwnerId").asText()).doesNotHaveDuplicates();
        for (var site : r53.topology().sites()) {
            JsonNode route53 = r53.named("kubernetes:helm.sh/v3:Release", site.name() + "-external-dns-release").inputs();
            assertThat(route53.path("values").path("provider").path("name").asText()).isEqualTo("aws");
            assertThat(route53.path("values").path("domainFilters")).extracting(JsonNode::asText).containsExactly("www.app.example.org");
            assertThat(route53.path("values").path("extraArgs")).extracting(JsonNode::asText).contains("--zone-id-filter=Z0123456789EXAMPLEDATA");
            JsonNode cloudflare = r53.named("kubernetes:helm.sh/v3:Release", site.name() + "-external-dns-cloudflare-release").inputs();
            assertThat(cloudflare.path("name").asText()).isEqualTo("external-dns-cloudflare");
            assertThat(cloudflare.path("namespace").asText()).isEqualTo("external-dns-cloudflare");
            assertThat(cloudflare.path("values").path("provider").path("name").asText()).isEqualTo("cloudflare");
            assertThat(cloudflare.path("values").path("domainFilters")).extracting(JsonNode::asText).containsExactly("mesh.example.org");
        }
    }

    @Test
    void theGlobalHostnameIsPublishedOnlyByItsAuthorityAndTheSubzoneIsDelegated() {
        // prod: Cloudflare holds example.com; no Route 53 record or check exists.
        assertThat(prod.plan().resources()).noneMatch(r -> r.type().startsWith("aws:route53/"));
        assertThat(prod.plan().ofType("cloudflare:index/loadBalancer:LoadBalancer")).hasSize(1);
        // data: Route 53 holds app.example.org (the global hostname www.app.example.org below its apex: a
        // CNAME cannot sit at a zone apex), Cloudflare example.org (no load balancer).
        assertThat(r53.plan().ofType("aws:route53/record:Record")).hasSize(r53.topology().sites().size())
                .allSatisfy(r -> {
                    assertThat(r.inputs().path("type").asText()).isEqualTo("CNAME");
                    assertThat(r.inputs().path("name").asText()).isEqualTo("www.app.example.org").isNotEqualTo(r53.topology().traffic().dns().get(0).zone());
                });
        assertThat(r53.plan().resources()).noneMatch(r -> r.type().startsWith("cloudflare:index/loadBalancer"));
        List<PlannedResource> ns = r53.plan().ofType("cloudflare:index/record:Record");
        assertThat(ns).hasSize(4).allSatisfy(r -> {
            assertThat(r.inputs().path("type").asText()).isEqualTo("NS");
            assertThat(r.inputs().path("name").asText()).isEqualTo("app.example.org");
            assertThat(r.inputs().path("zoneId").asText()).isEqualTo("00112233445566778899aabbccddeeff");
            assertThat(r.inputs().path("content").asText()).matches("ns-\\d+\\.awsdns-\\d+\\.(com|net|org|co\\.uk)");
        });
        assertThat(ns).extracting(r -> r.inputs().path("content").asText()).doesNotHaveDuplicates();
    }

    @Test
    void externalDnsRolesMayChangeOnlyTheOneZoneAndTrustOnlyTheirSite() throws Exception {
        var json = new ObjectMapper();
        var policies = r53.plan().ofType("aws:iam/rolePolicy:RolePolicy").stream().filter(p -> p.name().endsWith("-external-dns-route53")).toList();
        assertThat(policies).hasSize(6);
        for (PlannedResource p : policies) {
            JsonNode doc = json.readTree(p.inputs().path("policy").asText());
            for (JsonNode statement : doc.path("Statement")) {
                List<String> actions = json.convertValue(statement.path("Action"), List.class);
                List<String> resources = json.convertValue(statement.path("Resource"), List.class);
                if (actions.contains("route53:ChangeResourceRecordSets")) {
                    assertThat(resources).containsExactly("arn:aws:route53:::hostedzone/Z0123456789EXAMPLEDATA");
                } else {
                    assertThat(actions).containsExactly("route53:ListHostedZones");
                }
            }
        }
        JsonNode trust = json.readTree(r53.named("aws:iam/role:Role", "az-weu-external-dns-role").inputs().path("assumeRolePolicy").asText());
        JsonNode equals = trust.path("Statement").get(0).path("Condition").path("StringEquals");
        assertThat(equals.toString()).contains(":sub\":\"system:serviceaccount:external-dns:external-dns\"", ":aud\":\"sts.amazonaws.com\"");
        assertThat(trust.path("Statement").get(0).path("Principal").path("Federated").asText()).contains("oidc-provider/");
    }

    @Test
    void theDeepHealthAppRunsInEverySiteBehindItsOwnName() {
        assertThat(prod.plan().ofType("kubernetes:networking.k8s.io/v1:Ingress")).hasSize(prod.topology().sites().size()).allSatisfy(i -> {
            String site = i.name().replace("-healthz-ingress", "");
            assertThat(i.inputs().path("metadata").path("annotations").path("external-dns.alpha.kubernetes.io/hostname").asText())
                    .isEqualTo(site + ".app.example.com");
            assertThat(i.inputs().path("spec").path("rules")).extracting(r -> r.path("host").asText())
                    .containsExactly(site + ".app.example.com", "app.example.com");
        });
        // The health app's Deployments (the global services' resolvers are Deployments too: GlobalServicesPlanTest).
        assertThat(prod.plan().ofType("kubernetes:apps/v1:Deployment").stream().filter(d -> d.name().endsWith("-healthz-deployment")).toList())
                .hasSize(prod.topology().sites().size()).allSatisfy(d -> assertThat(d.inputs().toString())
                .contains("\"SITE\"", "MULTISITE_DB_READ_HOST"));
    }

    @Test
    void theCloudflareTokenIsNeverPlain() throws Exception {
        String text = PreviewDocument.of(prod.plan(), ExampleStacks.read("prod").config(), 0).toJson();
        assertThat(text).doesNotContain("offline-placeholder", "AAABAMultisiteExampleTokenPlaceholder");
        assertThat(prod.plan().ofType("pulumi:providers:cloudflare").get(0).inputs().path("apiToken").asText()).isEqualTo("[secret]");
        assertThat(prod.plan().ofType("kubernetes:core/v1:Secret")).allSatisfy(s -> assertThat(s.inputs().path("stringData").asText()).isEqualTo("[secret]"));
    }

    @Test
    void budgetAndDrainSwitchesAreStackOutputs() {
        // Only the backend authoritative for the global hostname serves it, so only its budget is exported.
        assertThat(prod.plan().outputs().get("failoverBudgetSeconds").path("cloudflare").asInt()).isEqualTo(25);
        assertThat(prod.plan().outputs().get("failoverBudgetSeconds").has("route53")).isFalse();
        assertThat(r53.plan().outputs().get("failoverBudgetSeconds").path("route53").asInt()).isEqualTo(45);
        assertThat(r53.plan().outputs().get("failoverBudgetSeconds").has("cloudflare")).isFalse();
        assertThat(r53.plan().outputs().get("drainSwitches").size()).isEqualTo(6);
        assertThat(prod.plan().outputs().get("globalHostname").asText()).isEqualTo("app.example.com");
    }

    @Test
    void aCloudflareSubzoneOfARoute53ZoneIsDelegatedByAnNsRecordSetInTheHostedZone() throws Exception {
        Plan swapped = ExampleStacks.planEdited("data", t -> {
            var dns = t.path("traffic").withArray("dns");
            ((com.fasterxml.jackson.databind.node.ObjectNode) dns.get(0).get("route53")).put("zone", "example.org");
            var cf = (com.fasterxml.jackson.databind.node.ObjectNode) dns.get(1).get("cloudflare");
            cf.put("zone", "app.example.org").putArray("nameServers").add("ada.ns.cloudflare.com").add("bob.ns.cloudflare.com");
        });
        var ns = PlannedExample.named(swapped, "aws:route53/record:Record", "global-delegation-ns").inputs();
        assertThat(ns.path("type").asText()).isEqualTo("NS");
        assertThat(ns.path("name").asText()).isEqualTo("app.example.org");
        assertThat(ns.path("zoneId").asText()).isEqualTo("Z0123456789EXAMPLEDATA");
        assertThat(ns.path("records")).extracting(JsonNode::asText).containsExactly("ada.ns.cloudflare.com", "bob.ns.cloudflare.com");
        // Cloudflare now serves the global hostname; Route 53 publishes no record of it and holds only the mesh names.
        assertThat(swapped.ofType("cloudflare:index/loadBalancer:LoadBalancer")).hasSize(1);
        assertThat(swapped.ofType("aws:route53/record:Record")).hasSize(1);
        assertThat(swapped.ofType("aws:route53/healthCheck:HealthCheck")).isEmpty();
        assertThat(PlannedExample.named(swapped, "kubernetes:helm.sh/v3:Release", "aws-use1-external-dns-release").inputs().path("values")
                .path("domainFilters")).extracting(JsonNode::asText).containsExactly("mesh.example.org");
    }

    /**
     * Route 53 and IAM are reached through us-east-1 ("Route 53 in AWS Regions other than the
     * Beijing and Ningxia Regions: specify us-east-1 as the Region", AWS General Reference, Route 53
     * endpoints): the global endpoint's provider and, in fleet mode, each site part's own provider
     * for its ExternalDNS role.
     */
    @Test
    void route53AndIamGoThroughUsEast1InOneStackAndInTheSiteParts() {
        assertThat(r53.named("pulumi:providers:aws", "global-aws").inputs().path("region").asText()).isEqualTo("us-east-1");
        var site = dev.multisite.stack.plan.PartPlanner.plan("data", r53.topology(), java.util.List.of("site-aws-use1")).get("site-aws-use1");
        var provider = PlannedExample.named(site, "pulumi:providers:aws", "aws-use1-global-aws");
        assertThat(provider.inputs().path("region").asText()).isEqualTo("us-east-1");
        // The site's ExternalDNS role is made on it.
        assertThat(site.resources()).filteredOn(r -> r.type().equals("aws:iam/role:Role") && r.name().contains("external-dns"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.providerUrn()).isEqualTo(provider.urn()));
    }
}
