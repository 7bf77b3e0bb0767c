package dev.multisite.policy;

import dev.multisite.topology.CloudProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.multisite.catalog.ResourceTypes.APPLICATION_SET;
import static dev.multisite.catalog.ResourceTypes.HELM_RELEASE;
import static dev.multisite.catalog.ResourceTypes.KUBERNETES_NAMESPACE;
import static dev.multisite.catalog.ResourceTypes.KUBERNETES_PROVIDER;
import static dev.multisite.catalog.ResourceTypes.RDS_INSTANCE;
import static dev.multisite.catalog.ResourceTypes.ROUTE53_HEALTH_CHECK;
import static dev.multisite.catalog.ResourceTypes.ROUTE53_RECORD;
import static dev.multisite.catalog.ResourceTypes.SERVICE_EXPORT;
import static dev.multisite.catalog.ResourceTypes.siteType;
import static dev.multisite.policy.Fixtures.protectedRes;
import static dev.multisite.policy.Fixtures.res;
import static dev.multisite.policy.Fixtures.site;
import static dev.multisite.policy.Fixtures.stack;
import static dev.multisite.policy.Fixtures.urn;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule with a stack that passes it and one that violates it. */
public class RulesTest {
    static final String TWO_SITES = "{'environment':'production','sites':[{'name':'a','provider':'aws','capacity':100},{'name':'b','provider':'gcp','capacity':100}]}";
    static final String HELLO_NS = "{'metadata':{'name':'hello'}}";
    static final String HELLO_EXPORT = "{'metadata':{'name':'hello','namespace':'hello'}}";
    /** Site a (EKS) and site b (GKE), each with its Kubernetes provider. */
    static final PolicyResource SITE_A = site(siteType(CloudProvider.AWS), "a");
    static final PolicyResource SITE_B = site(siteType(CloudProvider.GCP), "b");
    static final PolicyResource K8S_A = res(KUBERNETES_PROVIDER, "a-k8s", SITE_A.urn(), "", "{}");
    static final PolicyResource K8S_B = res(KUBERNETES_PROVIDER, "b-k8s", SITE_B.urn(), "", "{}");

    /** A site's release of a chart, {@code <site>-<suffix>}, with these values. */
    static PolicyResource release(String site, String suffix, String chart, String values) {
        return res(HELM_RELEASE, site + "-" + suffix, "{'chart':'" + chart + "','values':" + values + "}");
    }

    /** A stack of two sites' releases of one chart, a's and b's, with these values. */
    static StackView releases(String suffix, String chart, String valuesOfA, String valuesOfB) {
        return stack(TWO_SITES, release("a", suffix, chart, valuesOfA), release("b", suffix, chart, valuesOfB));
    }

    /** A site's Kubernetes resource deployed with a site's provider. */
    static PolicyResource onSite(String type, String name, PolicyResource site, PolicyResource provider, String inputs) {
        return res(type, name, site.urn(), provider.urn(), inputs);
    }

    /** The hello namespace and its export on site a, with {@code more} between them. */
    static StackView helloExportedFromA(PolicyResource... more) {
        var resources = new java.util.ArrayList<>(List.of(SITE_A, SITE_B, K8S_A, K8S_B,
                onSite(KUBERNETES_NAMESPACE, "a-ns-hello", SITE_A, K8S_A, HELLO_NS)));
        resources.addAll(List.of(more));
        resources.add(onSite(SERVICE_EXPORT, "a-export-hello", SITE_A, K8S_A, HELLO_EXPORT));
        return stack(TWO_SITES, resources.toArray(PolicyResource[]::new));
    }

    public static Stream<Arguments> cases() {
        var gateA = res("kubernetes:batch/v1:Job", "a-mesh-gate", "{'metadata':{'name':'multisite-mesh-gate','labels':{'multisite/mesh-gate':'a'}}}");
        return Stream.of(
                Arguments.of("min-two-sites", stack(TWO_SITES, SITE_A, SITE_B),
                        stack("{'sites':[{'name':'a'}]}", SITE_A), "1 site(s)"),
                Arguments.of("min-two-providers", stack(TWO_SITES, SITE_A, SITE_B),
                        stack(TWO_SITES, SITE_A, site(siteType(CloudProvider.AWS), "c")), "every site is on [aws]"),
                Arguments.of("provider-capacity-share", stack(TWO_SITES),
                        stack("{'sites':[{'name':'a','provider':'aws','capacity':300},{'name':'b','provider':'gcp','capacity':100}]}"),
                        "provider aws carries 75% of the capacity"),
                Arguments.of("n-plus-one-capacity", stack("{'peakDemand':100,'sites':[{'name':'a','capacity':100},{'name':'b','capacity':100}]}"),
                        stack("{'peakDemand':150,'sites':[{'name':'a','capacity':100},{'name':'b','capacity':100}]}"),
                        "without a the fleet has 100 capacity for a peak demand of 150"),
                Arguments.of("cluster-api-not-open-to-world",
                        stack(TWO_SITES, res("aws:eks/cluster:Cluster", "a-eks", "{'vpcConfig':{'endpointPublicAccess':true,'publicAccessCidrs':['203.0.113.0/24']}}")),
                        stack(TWO_SITES, res("aws:eks/cluster:Cluster", "a-eks", "{'vpcConfig':{'endpointPublicAccess':true,'publicAccessCidrs':['0.0.0.0/0']}}")),
                        "a-eks API is open to 0.0.0.0/0"),
                Arguments.of("production-node-pools-min-two",
                        stack(TWO_SITES, res("aws:eks/nodeGroup:NodeGroup", "a-pool", "{'scalingConfig':{'minSize':2}}")),
                        stack(TWO_SITES, res("aws:eks/nodeGroup:NodeGroup", "a-pool", "{'scalingConfig':{'minSize':1}}")),
                        "node pool a-pool has min 1"),
                Arguments.of("explicit-provider", stack(TWO_SITES, res("aws:ec2/vpc:Vpc", "a-vpc", "{}")),
                        stack(TWO_SITES, res("aws:ec2/vpc:Vpc", "a-vpc", Fixtures.STACK, "", "{}")), "uses no provider"),
                Arguments.of("kubernetes-own-site-provider",
                        stack(TWO_SITES, SITE_A, SITE_B, K8S_A, K8S_B, onSite(KUBERNETES_NAMESPACE, "a-ns", SITE_A, K8S_A, "{}")),
                        stack(TWO_SITES, SITE_A, SITE_B, K8S_A, K8S_B, onSite(KUBERNETES_NAMESPACE, "a-ns", SITE_A, K8S_B, "{}")),
                        "belongs to site a but deploys with the provider of b"),
                Arguments.of("private-nodes", stack(TWO_SITES, res("gcp:container/cluster:Cluster", "b-gke", "{'privateClusterConfig':{'enablePrivateNodes':true}}")),
                        stack(TWO_SITES, res("gcp:container/cluster:Cluster", "b-gke", "{'privateClusterConfig':{'enablePrivateNodes':false}}")),
                        "b-gke has public nodes"),
                Arguments.of("every-site-health-checked",
                        stack(TWO_SITES, SITE_A, SITE_B, res(ROUTE53_HEALTH_CHECK, "a-check", "{'fqdn':'a.app.example.com'}"), res(ROUTE53_HEALTH_CHECK, "b-check", "{'fqdn':'b.app.example.com'}")),
                        stack(TWO_SITES, SITE_A, SITE_B, res(ROUTE53_HEALTH_CHECK, "a-check", "{'fqdn':'a.app.example.com'}")),
                        "site b has no Route 53 health check"),
                Arguments.of("global-records-health-checked", stack(TWO_SITES, res(ROUTE53_RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        stack(TWO_SITES, res(ROUTE53_RECORD, "a-global", "{'setIdentifier':'a','ttl':15}")), "record a-global (a) has no health check"),
                Arguments.of("health-check-regions-and-interval",
                        stack(TWO_SITES, res(ROUTE53_HEALTH_CHECK, "a-check", "{'type':'HTTPS','regions':['us-east-1','eu-west-1','ap-southeast-1'],'requestInterval':10}")),
                        stack(TWO_SITES, res(ROUTE53_HEALTH_CHECK, "a-check", "{'type':'HTTPS','regions':['us-east-1','eu-west-1'],'requestInterval':10}")),
                        "a-check checks from 2 region(s)"),
                Arguments.of("dns-ttl-limit", stack(TWO_SITES, res(ROUTE53_RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        stack(TWO_SITES, res(ROUTE53_RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':300}")),
                        "record a-global has TTL 300"),
                Arguments.of("failover-within-rto",
                        stack("{'traffic':{'rtoSeconds':60}}", res(ROUTE53_HEALTH_CHECK, "a-check", "{'requestInterval':10,'failureThreshold':2}"),
                                res(ROUTE53_RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        stack("{'traffic':{'rtoSeconds':30}}", res(ROUTE53_HEALTH_CHECK, "a-check", "{'requestInterval':10,'failureThreshold':2}"),
                                res(ROUTE53_RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        "worst-case failover of a is 45 s, over rtoSeconds 30"),
                Arguments.of("drain-switch-per-site", stack(TWO_SITES, res(ROUTE53_RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        stack(TWO_SITES, res(ROUTE53_RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-check-1','ttl':15}")),
                        "is not behind a serving check with a drain switch"),
                Arguments.of("external-dns-owner-ids-distinct",
                        releases("edns", "external-dns", "{'txtOwnerId':'o-a'}", "{'txtOwnerId':'o-b'}"),
                        releases("edns", "external-dns", "{'txtOwnerId':'o'}", "{'txtOwnerId':'o'}"),
                        "shares txtOwnerId o with"),
                Arguments.of("one-write-primary-per-partition",
                        stack(TWO_SITES, protectedRes(RDS_INSTANCE, "db-primary", "{}"), res(RDS_INSTANCE, "db-replica", "{'replicateSourceDb':'arn:primary'}")),
                        stack(TWO_SITES, protectedRes(RDS_INSTANCE, "db-a", "{}"), protectedRes(RDS_INSTANCE, "db-b", "{}")),
                        "partition default has 2 write primaries"),
                Arguments.of("database-primary-protected",
                        stack(TWO_SITES, protectedRes(RDS_INSTANCE, "db", "{'storageEncrypted':true,'deletionProtection':true}")),
                        stack(TWO_SITES, res(RDS_INSTANCE, "db", "{'storageEncrypted':true,'deletionProtection':true}")),
                        "primary db lacks Pulumi protect"),
                Arguments.of("database-replica-encrypted",
                        stack(TWO_SITES, res(RDS_INSTANCE, "replica", "{'replicateSourceDb':'arn:p','storageEncrypted':true}")),
                        stack(TWO_SITES, res(RDS_INSTANCE, "replica", "{'replicateSourceDb':'arn:p'}")), "replica replica is not encrypted"),
                Arguments.of("unique-mesh-cluster-ids",
                        releases("cilium", "cilium", "{'cluster':{'id':1}}", "{'cluster':{'id':2}}"),
                        releases("cilium", "cilium", "{'cluster':{'id':1}}", "{'cluster':{'id':1}}"),
                        "b-cilium has cluster.id 1, also used by a-cilium"),
                Arguments.of("disjoint-pod-cidrs",
                        stack(TWO_SITES, res("azure-native:containerservice:ManagedCluster", "c-aks", "{'networkProfile':{'podCidr':'100.65.0.0/16'}}"),
                                res("gcp:compute/subnetwork:Subnetwork", "b-nodes", "{'secondaryIpRanges':[{'rangeName':'pods','ipCidrRange':'100.66.0.0/16'}]}")),
                        stack(TWO_SITES, res("azure-native:containerservice:ManagedCluster", "c-aks", "{'networkProfile':{'podCidr':'100.65.0.0/16'}}"),
                                res("gcp:compute/subnetwork:Subnetwork", "b-nodes", "{'secondaryIpRanges':[{'rangeName':'pods','ipCidrRange':'100.65.128.0/17'}]}")),
                        "overlaps"),
                Arguments.of("no-world-ingress",
                        stack(TWO_SITES, res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "a-from-sites", "{'prefixListId':'pl-1','fromPort':8472}"),
                                res("gcp:compute/firewall:Firewall", "b-from-sites", "{'sourceRanges':['10.1.0.0/16']}")),
                        stack(TWO_SITES, res("azure-native:network:SecurityRule", "c-from-sites",
                                "{'direction':'Inbound','access':'Allow','sourceAddressPrefixes':['10.1.0.0/16','0.0.0.0/0']}")),
                        "c-from-sites admits 0.0.0.0/0"),
                Arguments.of("unique-bgp-asns",
                        stack(TWO_SITES, res("aws:ec2transitgateway/transitGateway:TransitGateway", "a-tgw", "{'amazonSideAsn':64601}"),
                                res("gcp:compute/router:Router", "b-bgp", "{'bgp':{'asn':64602}}")),
                        stack(TWO_SITES, res("aws:ec2transitgateway/transitGateway:TransitGateway", "a-tgw", "{'amazonSideAsn':64601}"),
                                res("azure-native:network:VirtualNetworkGateway", "c-gw", "{'bgpSettings':{'asn':64601}}")),
                        "c-gw has ASN 64601, also used by a-tgw"),
                Arguments.of("aws-quota-headroom", stack(TWO_SITES),
                        stack("{'sites':[" + "{'name':'s','provider':'aws'},".repeat(12) + "{'name':'t','provider':'gcp'}]}"),
                        "each EKS cluster security group needs 61 inbound rule entries, above the limit of 60"),
                Arguments.of("interconnect-no-cut-site", new StackView(List.of(), SharedFateFixtures.prodWithWaivedCut()),
                        new StackView(List.of(), SharedFateFixtures.prodWithOneHubForMetal()), "cuts metal-fra off from the other sites"),
                Arguments.of("every-endpoint-reachable", new StackView(List.of(), SharedFateFixtures.prod()),
                        new StackView(List.of(), SharedFateFixtures.prodWithAnAzurePrimary()),
                        "sites[metal-fra]: data endpoint partition default write host (Flexible Server az-weu"),
                Arguments.of("interconnect-waived-shared-fate", new StackView(List.of(), SharedFateFixtures.prod()),
                        new StackView(List.of(), SharedFateFixtures.prodWithWaivedCut()), "waived (one uplink until March)"),
                Arguments.of("no-plaintext-secrets", stack(TWO_SITES, res("pulumi:providers:cloudflare", "cf", "{'apiToken':'[secret]'}"),
                                res("aws:ec2/vpnConnection:VpnConnection", "vpn", "{'tunnel1PresharedKey':'[secret]'}")),
                        stack(TWO_SITES, res("aws:ec2/vpnConnection:VpnConnection", "vpn", Fixtures.STACK, urn("pulumi:providers:aws", "p"),
                                "{'tunnel1PresharedKey':'abcdefghijkl'}")), "vpn input tunnel1PresharedKey is plain text"),
                Arguments.of("no-plaintext-secrets", stack(TWO_SITES, res("pulumi:providers:cloudflare", "cf", "{'apiToken':'[secret]'}")),
                        stack(TWO_SITES, res("aws:rds/instance:Instance", "db", Fixtures.STACK, urn("pulumi:providers:aws", "p"),
                                "{'password':'hunter2','replicateSourceDb':'x','storageEncrypted':true}")), "db input password is plain text"),
                Arguments.of("no-plaintext-secrets", stack(TWO_SITES, res("azure-native:dbforpostgresql:Server", "db",
                                "{'authConfig':{'activeDirectoryAuth':'Enabled','passwordAuth':'Disabled'}}")),
                        stack(TWO_SITES, res("azure-native:dbforpostgresql:Server", "db", "{'administratorLoginPassword':'hunter2'}")),
                        "db input administratorLoginPassword is plain text"),
                Arguments.of("global-service-namespace-everywhere",
                        helloExportedFromA(onSite(KUBERNETES_NAMESPACE, "b-ns-hello", SITE_B, K8S_B, HELLO_NS)),
                        helloExportedFromA(), "site b has no namespace hello"),
                Arguments.of("mcs-api-on-every-cilium",
                        stack(TWO_SITES, res(SERVICE_EXPORT, "a-export-hello", HELLO_EXPORT),
                                release("a", "cilium", "cilium", "{'clustermesh':{'mcsapi':{'enabled':true}}}")),
                        stack(TWO_SITES, res(SERVICE_EXPORT, "a-export-hello", HELLO_EXPORT),
                                release("a", "cilium", "cilium", "{'clustermesh':{'mcsapi':{'enabled':false}}}")),
                        "a-cilium does not enable clustermesh.mcsapi"),
                Arguments.of("mesh-gate-before-applicationsets",
                        stack(TWO_SITES, release("a", "cilium", "cilium", "{'cluster':{'name':'a'}}"), gateA,
                                withDependencies(res(APPLICATION_SET, "a-argocd-hello", "{'metadata':{'name':'hello'}}"), gateA.urn())),
                        stack(TWO_SITES, release("a", "cilium", "cilium", "{'cluster':{'name':'a'}}"), gateA,
                                res(APPLICATION_SET, "a-argocd-hello", "{'metadata':{'name':'hello'}}")),
                        "ApplicationSet hello does not wait for the mesh gate of a"),
                Arguments.of("mesh-gate-before-applicationsets",
                        stack(TWO_SITES, release("a", "cilium", "cilium", "{'cluster':{'name':'a'}}"), gateA,
                                withDependencies(res(APPLICATION_SET, "a-argocd-hello", "{'metadata':{'name':'hello'}}"), gateA.urn())),
                        stack(TWO_SITES, release("b", "cilium", "cilium", "{'cluster':{'name':'b'}}"),
                                res(APPLICATION_SET, "a-argocd-hello", "{'metadata':{'name':'hello'}}")),
                        "site b has Cilium but no mesh gate"),
                Arguments.of("applicationsets-preserve-resources",
                        stack(TWO_SITES, res("kubernetes:argoproj.io/v1alpha1:ApplicationSet", "apps",
                                "{'spec':{'syncPolicy':{'preserveResourcesOnDeletion':true,'applicationsSync':'create-update'}}}")),
                        stack(TWO_SITES, res("kubernetes:argoproj.io/v1alpha1:ApplicationSet", "apps", "{'spec':{}}")),
                        "apps may delete Applications"));
    }

    static PolicyResource withDependencies(PolicyResource r, String... dependencies) {
        return new PolicyResource(r.urn(), r.type(), r.name(), r.custom(), r.parent(), r.providerUrn(), List.of(dependencies), r.protect(), r.inputs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passesOnACompliantStackAndFlagsAViolatingOne(String rule, StackView passing, StackView violating, String message) {
        assertThat(Fixtures.run(rule, passing)).as("%s on the passing fixture", rule).isEmpty();
        var violations = Fixtures.run(rule, violating);
        assertThat(violations).as("%s on the violating fixture", rule).isNotEmpty();
        assertThat(violations.get(0).message()).contains(message);
        assertThat(violations.get(0).fix()).isNotBlank();
        assertThat(violations.get(0).level()).isEqualTo(PolicyPack.rule(rule).defaultLevel());
    }

    /**
     * The real engine's preview sent the cloud sites' namespaces in a form the rule could not read:
     * a namespace of no known site, or with no readable name, could be the missing one, so the rule
     * concludes nothing.
     */
    @org.junit.jupiter.api.Test
    void aNamespaceOfNoKnownSiteLeavesTheNamespaceRuleUndecided() {
        var unplaced = helloExportedFromA(res(KUBERNETES_NAMESPACE, "b-ns-hello", Fixtures.STACK, "", HELLO_NS));
        assertThat(Fixtures.run("global-service-namespace-everywhere", unplaced)).isEmpty();
        var unnamed = helloExportedFromA(onSite(KUBERNETES_NAMESPACE, "b-ns-hello", SITE_B, K8S_B, "{'metadata':{}}"));
        assertThat(Fixtures.run("global-service-namespace-everywhere", unnamed)).isEmpty();
        var placedButMissing = helloExportedFromA();
        assertThat(Fixtures.run("global-service-namespace-everywhere", placedButMissing)).extracting(v -> v.message())
                .anyMatch(m -> m.contains("site b has no namespace hello"));
    }

    @org.junit.jupiter.api.Test
    void everyRuleHasAFixturePair() {
        assertThat(cases().map(a -> (String) a.get()[0]).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(PolicyPack.RULES.stream().map(Rule::name).toList());
    }
}
