package dev.multisite.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.core.annotations.ResourceType;
import dev.multisite.catalog.ResourceTypes;
import dev.multisite.policy.PolicyConfig;
import dev.multisite.policy.PolicyPack;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.Rule;
import dev.multisite.policy.SharedFateFixtures;
import dev.multisite.policy.StackView;
import dev.multisite.policy.rules.SiteRules;
import dev.multisite.stack.cli.ExampleTopology;
import dev.multisite.stack.plan.StackFile;
import dev.multisite.topology.CloudProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that prove they still read what they judge. While the example plans are judged, every
 * input path a rule reads through {@link PolicyResource#input} is recorded ({@link RuleReads}); a
 * path that resolves on no planned resource of its type fails, and so does a rule that selects a
 * planned type but reads nothing of it (a provider's branch switched off). Rules that read only the
 * topology each get a violating variant of an example stack. The catalogue's type tokens are the
 * ones the provider SDKs register.
 *
 * <p>Proved by breaking it (issue 25): renaming the GKE path {@code autoscaling.totalMinNodeCount}
 * in {@code production-node-pools-min-two} to {@code autoscaling.totalMinNodes} left RulesTest,
 * EnginePathRulesTest and the old coverage test green; here it fails with "production-node-pools-min-two
 * reads gcp:container/nodePool:NodePool autoscaling.totalMinNodes, which no planned resource of that
 * type has" and "... selects gcp:container/nodePool:NodePool but reads no input of it". The tests
 * below repeat that experiment on the recorded reads, for every rule and type, so it stays true.
 */
class RuleCoverageTest {
    /** The SDK class of every type token a rule selects. */
    static final Map<String, Class<?>> SDK = Map.ofEntries(
            Map.entry(ResourceTypes.EKS_CLUSTER, com.pulumi.aws.eks.Cluster.class),
            Map.entry(ResourceTypes.EKS_NODE_GROUP, com.pulumi.aws.eks.NodeGroup.class),
            Map.entry(ResourceTypes.GKE_CLUSTER, com.pulumi.gcp.container.Cluster.class),
            Map.entry(ResourceTypes.GKE_NODE_POOL, com.pulumi.gcp.container.NodePool.class),
            Map.entry(ResourceTypes.AKS_CLUSTER, com.pulumi.azurenative.containerservice.ManagedCluster.class),
            Map.entry(ResourceTypes.ROUTE53_HEALTH_CHECK, com.pulumi.aws.route53.HealthCheck.class),
            Map.entry(ResourceTypes.ROUTE53_RECORD, com.pulumi.aws.route53.Record.class),
            Map.entry(ResourceTypes.HELM_RELEASE, com.pulumi.kubernetes.helm.v3.Release.class),
            Map.entry(ResourceTypes.RDS_INSTANCE, com.pulumi.aws.rds.Instance.class),
            Map.entry(ResourceTypes.CLOUD_SQL_INSTANCE, com.pulumi.gcp.sql.DatabaseInstance.class),
            Map.entry(ResourceTypes.FLEXIBLE_SERVER, com.pulumi.azurenative.dbforpostgresql.Server.class),
            Map.entry(ResourceTypes.GCP_SUBNETWORK, com.pulumi.gcp.compute.Subnetwork.class),
            Map.entry(ResourceTypes.AWS_SG_INGRESS_RULE, com.pulumi.aws.vpc.SecurityGroupIngressRule.class),
            Map.entry(ResourceTypes.AWS_SECURITY_GROUP, com.pulumi.aws.ec2.SecurityGroup.class),
            Map.entry(ResourceTypes.GCP_FIREWALL, com.pulumi.gcp.compute.Firewall.class),
            Map.entry(ResourceTypes.AZURE_SECURITY_RULE, com.pulumi.azurenative.network.SecurityRule.class),
            Map.entry(ResourceTypes.TRANSIT_GATEWAY, com.pulumi.aws.ec2transitgateway.TransitGateway.class),
            Map.entry(ResourceTypes.GCP_ROUTER, com.pulumi.gcp.compute.Router.class),
            Map.entry(ResourceTypes.AZURE_VPN_GATEWAY, com.pulumi.azurenative.network.VirtualNetworkGateway.class),
            Map.entry(ResourceTypes.CLOUDFLARE_POOL, dev.multisite.bindings.CloudflareLoadBalancerPool.class),
            // The Cloud DNS bindings follow @pulumi/gcp 8.41.1's schema (the Java SDK 7.0.0 lacks these inputs).
            Map.entry(ResourceTypes.GCP_HEALTH_CHECK, dev.multisite.bindings.GcpHealthCheck.class),
            Map.entry(ResourceTypes.GCP_DNS_RECORD_SET, dev.multisite.bindings.GcpRecordSet.class),
            Map.entry(ResourceTypes.APPLICATION_SET, dev.multisite.bindings.ArgoApplicationSet.class),
            Map.entry(ResourceTypes.SERVICE_EXPORT, dev.multisite.bindings.McsServiceExport.class),
            Map.entry(ResourceTypes.KUBERNETES_NAMESPACE, com.pulumi.kubernetes.core.v1.Namespace.class),
            Map.entry(ResourceTypes.KUBERNETES_JOB, com.pulumi.kubernetes.batch.v1.Job.class));

    /**
     * Inputs a rule reads to catch a violation that no example stack commits, so no planned
     * resource sets them. Each must still be an input of the provider's schema (its SDK's Args).
     */
    static final Map<RuleReads.Key, String> UNSET_IN_EXAMPLES = Map.of(
            new RuleReads.Key("cluster-api-not-open-to-world", ResourceTypes.AKS_CLUSTER, "apiServerAccessProfile.enablePrivateCluster"),
            "the examples' AKS API servers are public, limited to authorizedIPRanges; a private cluster is exempt",
            new RuleReads.Key("no-world-ingress", ResourceTypes.AWS_SG_INGRESS_RULE, "cidrIpv4"),
            "the examples' ingress rules admit the other sites by prefix list; a CIDR is how a rule opens a port to the world",
            new RuleReads.Key("no-world-ingress", ResourceTypes.AZURE_SECURITY_RULE, "sourceAddressPrefix"),
            "the examples' security rules list sourceAddressPrefixes; the single prefix is the other way to write one");

    private static final List<String> STACKS = ExampleStacks.NAMES;
    private static RuleReads reads;
    private static Set<String> plannedTypes;

    @BeforeAll
    static void judgeTheExamples() {
        reads = RuleReads.of(STACKS.stream().map(RuleCoverageTest::view).toList());
        plannedTypes = STACKS.stream().flatMap(s -> ExampleStacks.plan(s).resources().stream()).map(r -> r.type()).collect(Collectors.toSet());
    }

    static StackView view(String stack) {
        return new StackView(ExampleStacks.plan(stack).resources().stream().map(RealPreviews::policyResource).toList(), topologyJson(stack));
    }

    private static JsonNode topologyJson(String stack) {
        return ExampleStacks.read(stack).config().get(StackFile.TOPOLOGY_KEY);
    }

    @Test
    void everyInputARuleReadsIsSetOnAPlannedResourceAndEveryBranchReadsSomething() {
        assertThat(reads.resolved()).as("the rules read inputs of the example plans").hasSizeGreaterThan(40);
        assertThat(reads.gaps(PolicyPack.RULES, plannedTypes, UNSET_IN_EXAMPLES.keySet())).isEmpty();
    }

    @Test
    void theInputsNoExampleSetsAreStillInTheProvidersSchemaAndStillUnset() {
        UNSET_IN_EXAMPLES.forEach((key, why) -> {
            assertThat(reads.resolved()).as("%s is read (%s)", key, why).containsEntry(key, false);
            assertThat(SdkInputs.declares(SDK.get(key.type()), key.path())).as("%s is an input of %s", key.path(), key.type()).isTrue();
        });
    }

    @Test
    void everyResolvedPathIsAnInputOfTheProvidersSchema() {
        reads.resolved().keySet().stream().filter(k -> SDK.containsKey(k.type())).forEach(key ->
                assertThat(SdkInputs.declares(SDK.get(key.type()), key.path())).as("%s in %s's SDK args", key, key.type()).isTrue());
        assertThat(SdkInputs.declares(com.pulumi.gcp.container.NodePool.class, "autoscaling.totalMinNodes"))
                .as("a misspelt input is not in the schema").isFalse();
    }

    /** Breaks every provider branch of every rule in turn, and renames each of its paths: each is caught. */
    @Test
    void switchingOffAnyRulesBranchForAnyTypeOrRenamingAnyPathIsCaught() {
        var branches = reads.resolved().keySet().stream().filter(k -> !ResourceTypes.matches(ResourceTypes.PROVIDERS, k.type()))
                .map(k -> List.of(k.rule(), k.type())).distinct().toList();
        assertThat(branches).as("(rule, type) pairs that read inputs").hasSizeGreaterThan(30);
        System.out.println("rule coverage: " + branches.size() + " (rule, type) branches, " + reads.resolved().size() + " paths, each broken in turn");
        for (var branch : branches) {
            var off = reads.with((k, v) -> k.rule().equals(branch.get(0)) && k.type().equals(branch.get(1)) ? null : Map.entry(k, v));
            assertThat(off.gaps(PolicyPack.RULES, plannedTypes, UNSET_IN_EXAMPLES.keySet()))
                    .as("%s's branch for %s switched off", branch.get(0), branch.get(1))
                    .contains(branch.get(0) + " selects " + branch.get(1) + " but reads no input of it that a planned resource has");
        }
        reads.resolved().forEach((key, found) -> {
            var renamed = new RuleReads.Key(key.rule(), key.type(), key.path() + "Renamed");
            var broken = reads.with((k, v) -> k.equals(key) ? Map.entry(renamed, false) : Map.entry(k, v));
            assertThat(broken.gaps(PolicyPack.RULES, plannedTypes, UNSET_IN_EXAMPLES.keySet()))
                    .as("%s renamed", key).contains(renamed + ", which no planned resource of that type has");
        });
    }

    /**
     * The experiment with a real rule: the GKE node pools' {@code autoscaling} spelt as a
     * provider upgrade might rename it. The rule reads nothing there any more and stays silent (the
     * fixture tests stay green), and the coverage names the path and the switched-off branch.
     */
    @Test
    void productionNodePoolsReadingAGkePathThePlanDoesNotHaveIsCaught() {
        UnaryOperator<PolicyResource> renamed = r -> {
            if (!r.type().equals(ResourceTypes.GKE_NODE_POOL)) {
                return r;
            }
            ObjectNode inputs = r.inputs().deepCopy();
            inputs.set("autoscalingRenamed", inputs.remove("autoscaling"));
            return new PolicyResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.providerUrn(), r.dependencies(), r.protect(), inputs);
        };
        var views = STACKS.stream().map(RuleCoverageTest::view)
                .map(v -> new StackView(v.resources().stream().map(renamed).toList(), v.topology())).toList();
        var broken = RuleReads.of(views);
        var nodePoolReads = broken.with((k, v) -> k.rule().equals(SiteRules.PRODUCTION_NODE_POOLS.name()) ? Map.entry(k, v) : null);
        assertThat(nodePoolReads.gaps(List.of(SiteRules.PRODUCTION_NODE_POOLS), plannedTypes, Set.of())).containsExactlyInAnyOrder(
                "production-node-pools-min-two reads gcp:container/nodePool:NodePool autoscaling.totalMinNodeCount, which no planned resource of that type has",
                "production-node-pools-min-two selects gcp:container/nodePool:NodePool but reads no input of it that a planned resource has");
        assertThat(broken.gaps(PolicyPack.RULES, plannedTypes, UNSET_IN_EXAMPLES.keySet())).hasSize(2);
        // The rule itself says nothing either way: its fixture tests cannot see the rename.
        assertThat(views).allSatisfy(v -> assertThat(PolicyPack.evaluate(v, PolicyConfig.DEFAULTS))
                .noneMatch(found -> found.rule().equals(SiteRules.PRODUCTION_NODE_POOLS.name())));
    }

    /** Every rule that reads the topology, on an example stack (clean) and on a violating variant of it. */
    static Stream<Arguments> topologyRules() {
        return Stream.of(
                Arguments.of("min-two-sites", view("dev"), keepSites(view("dev"), 1), "1 site(s) in the stack"),
                Arguments.of("min-two-providers", view("dev"), everySiteOn(view("dev"), "multisite:site:EksSite"), "every site is on [aws]"),
                Arguments.of("provider-capacity-share", view("global"), topology(view("global"), t -> {
                    ((ObjectNode) t.path("sites").get(0)).put("capacity", 10_000);
                    return t;
                }), "carries"),
                Arguments.of("n-plus-one-capacity", view("prod"), topology(view("prod"), t -> {
                    int total = 0;
                    for (JsonNode site : t.path("sites")) {
                        total += site.path("capacity").asInt();
                    }
                    return ((ObjectNode) t).put("peakDemand", total);
                }), "capacity for a peak demand of"),
                Arguments.of("aws-quota-headroom", view("prod"), new StackView(List.of(),
                        ExampleTopology.stackFile(26, List.of(CloudProvider.values()), "example.com").path("config").path(StackFile.TOPOLOGY_KEY)),
                        "routes, above the limit of 50"),
                Arguments.of("interconnect-no-cut-site", view("prod"), new StackView(List.of(), SharedFateFixtures.prodWithOneHubForMetal()),
                        "cuts metal-fra off"),
                Arguments.of("interconnect-waived-shared-fate", view("prod"), new StackView(List.of(), SharedFateFixtures.prodWithWaivedCut()),
                        "waived (one uplink until March)"),
                Arguments.of("every-endpoint-reachable", view("prod"), new StackView(List.of(), SharedFateFixtures.prodWithAnAzurePrimary()),
                        "sites[metal-fra]: data endpoint partition default write host (Flexible Server az-weu"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topologyRules")
    void everyTopologyRuleFlagsAViolatingVariantOfAnExampleStack(String rule, StackView example, StackView variant, String message) {
        assertThat(findings(rule, example)).as("%s on the example", rule).isEmpty();
        assertThat(findings(rule, variant)).as("%s on the variant", rule).isNotEmpty().allSatisfy(m -> assertThat(m).isNotBlank())
                .anySatisfy(m -> assertThat(m).contains(message));
    }

    @Test
    void everyRuleThatReadsTheTopologyHasAVariant() {
        assertThat(topologyRules().map(a -> (String) a.get()[0]).toList()).containsExactlyInAnyOrderElementsOf(
                PolicyPack.RULES.stream().filter(r -> r.selects().contains(Rule.TOPOLOGY)).map(Rule::name).toList());
    }

    private static List<String> findings(String rule, StackView view) {
        return PolicyPack.evaluate(view, PolicyConfig.DEFAULTS).stream().filter(v -> v.rule().equals(rule)).map(v -> v.message()).toList();
    }

    private static StackView keepSites(StackView view, int sites) {
        List<PolicyResource> kept = new ArrayList<>();
        int seen = 0;
        for (PolicyResource r : view.resources()) {
            if (!r.type().startsWith("multisite:site:") || seen++ < sites) {
                kept.add(r);
            }
        }
        return new StackView(kept, view.topology());
    }

    private static StackView everySiteOn(StackView view, String siteType) {
        return new StackView(view.resources().stream().map(r -> r.type().startsWith("multisite:site:")
                ? new PolicyResource(r.urn(), siteType, r.name(), r.custom(), r.parent(), r.providerUrn(), r.dependencies(), r.protect(), r.inputs())
                : r).toList(), view.topology());
    }

    private static StackView topology(StackView view, UnaryOperator<JsonNode> edit) {
        return new StackView(view.resources(), edit.apply(view.topology().deepCopy()));
    }

    @Test
    void everyRuleSelectsSomethingInTheExampleStacks() {
        for (Rule rule : PolicyPack.RULES) {
            boolean selected = plannedTypes.stream().anyMatch(t -> rule.selects().stream().anyMatch(p -> ResourceTypes.matches(p, t)));
            assertThat(selected || rule.selects().contains(Rule.TOPOLOGY)).as("%s selects nothing of %s", rule.name(), rule.selects()).isTrue();
            RuleReads.exactTypes(rule).forEach(type ->
                    assertThat(plannedTypes).as("%s: no planned resource of type %s", rule.name(), type).contains(type));
        }
    }

    @Test
    void theCatalogueTokensAreTheSdksOwn() {
        PolicyPack.RULES.forEach(rule -> RuleReads.exactTypes(rule).stream().filter(t -> !ResourceTypes.matches(ResourceTypes.PROVIDERS, t))
                .forEach(type -> assertThat(SDK).as("%s selects %s: its SDK class is listed here", rule.name(), type).containsKey(type)));
        SDK.forEach((token, type) -> assertThat(type.getAnnotation(ResourceType.class).type()).as(type.getName()).isEqualTo(token));
        Map.of(dev.multisite.topology.CloudProvider.AWS, dev.multisite.site.EksSite.TYPE, dev.multisite.topology.CloudProvider.GCP,
                        dev.multisite.site.GkeSite.TYPE, dev.multisite.topology.CloudProvider.AZURE, dev.multisite.site.AksSite.TYPE,
                        dev.multisite.topology.CloudProvider.EXISTING, dev.multisite.site.ExistingSite.TYPE)
                .forEach((provider, type) -> assertThat(ResourceTypes.siteType(provider)).as(provider.key()).isEqualTo(type));
    }
}
