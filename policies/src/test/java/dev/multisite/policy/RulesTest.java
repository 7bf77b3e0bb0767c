package dev.multisite.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.multisite.policy.Fixtures.protectedRes;
import static dev.multisite.policy.Fixtures.res;
import static dev.multisite.policy.Fixtures.site;
import static dev.multisite.policy.Fixtures.stack;
import static dev.multisite.policy.Fixtures.urn;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule with a stack that passes it and one that violates it. */
public class RulesTest {
    static final String EKS = "multisite:site:EksSite";
    static final String GKE = "multisite:site:GkeSite";
    static final String TWO_SITES = "{'environment':'production','sites':[{'name':'a','provider':'aws','capacity':100},{'name':'b','provider':'gcp','capacity':100}]}";
    static final String HC = "aws:route53/healthCheck:HealthCheck";
    static final String RECORD = "aws:route53/record:Record";
    static final String RDS = "aws:rds/instance:Instance";
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    static final String NAMESPACE = "kubernetes:core/v1:Namespace";
    static final String EXPORT = "kubernetes:multicluster.x-k8s.io/v1alpha1:ServiceExport";
    static final String APPSET = "kubernetes:argoproj.io/v1alpha1:ApplicationSet";
    static final String HELLO_NS = "{'metadata':{'name':'hello'}}";
    static final String HELLO_EXPORT = "{'metadata':{'name':'hello','namespace':'hello'}}";

    public static Stream<Arguments> cases() {
        var siteA = site(EKS, "a");
        var siteB = site(GKE, "b");
        var k8sA = res("pulumi:providers:kubernetes", "a-k8s", siteA.urn(), "", "{}");
        var k8sB = res("pulumi:providers:kubernetes", "b-k8s", siteB.urn(), "", "{}");
        var gateA = res("kubernetes:batch/v1:Job", "a-mesh-gate", "{'metadata':{'name':'multisite-mesh-gate','labels':{'multisite/mesh-gate':'a'}}}");
        return Stream.of(
                Arguments.of("min-two-sites", stack(TWO_SITES, siteA, siteB),
                        stack("{'sites':[{'name':'a'}]}", siteA), "1 site(s)"),
                Arguments.of("min-two-providers", stack(TWO_SITES, siteA, siteB),
                        stack(TWO_SITES, siteA, site(EKS, "c")), "every site is on [aws]"),
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
                        stack(TWO_SITES, siteA, siteB, k8sA, k8sB, res("kubernetes:core/v1:Namespace", "a-ns", siteA.urn(), k8sA.urn(), "{}")),
                        stack(TWO_SITES, siteA, siteB, k8sA, k8sB, res("kubernetes:core/v1:Namespace", "a-ns", siteA.urn(), k8sB.urn(), "{}")),
                        "belongs to site a but deploys with the provider of b"),
                Arguments.of("private-nodes", stack(TWO_SITES, res("gcp:container/cluster:Cluster", "b-gke", "{'privateClusterConfig':{'enablePrivateNodes':true}}")),
                        stack(TWO_SITES, res("gcp:container/cluster:Cluster", "b-gke", "{'privateClusterConfig':{'enablePrivateNodes':false}}")),
                        "b-gke has public nodes"),
                Arguments.of("every-site-health-checked",
                        stack(TWO_SITES, siteA, siteB, res(HC, "a-check", "{'fqdn':'a.app.example.com'}"), res(HC, "b-check", "{'fqdn':'b.app.example.com'}")),
                        stack(TWO_SITES, siteA, siteB, res(HC, "a-check", "{'fqdn':'a.app.example.com'}")),
                        "site b has no Route 53 health check"),
                Arguments.of("global-records-health-checked", stack(TWO_SITES, res(RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        stack(TWO_SITES, res(RECORD, "a-global", "{'setIdentifier':'a','ttl':15}")), "record a-global (a) has no health check"),
                Arguments.of("health-check-regions-and-interval",
                        stack(TWO_SITES, res(HC, "a-check", "{'type':'HTTPS','regions':['us-east-1','eu-west-1','ap-southeast-1'],'requestInterval':10}")),
                        stack(TWO_SITES, res(HC, "a-check", "{'type':'HTTPS','regions':['us-east-1','eu-west-1'],'requestInterval':10}")),
                        "a-check checks from 2 region(s)"),
                Arguments.of("dns-ttl-limit", stack(TWO_SITES, res(RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        stack(TWO_SITES, res(RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':300}")),
                        "record a-global has TTL 300"),
                Arguments.of("failover-within-rto",
                        stack("{'traffic':{'rtoSeconds':60}}", res(HC, "a-check", "{'requestInterval':10,'failureThreshold':2}"),
                                res(RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        stack("{'traffic':{'rtoSeconds':30}}", res(HC, "a-check", "{'requestInterval':10,'failureThreshold':2}"),
                                res(RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        "worst-case failover of a is 45 s, over rtoSeconds 30"),
                Arguments.of("drain-switch-per-site", stack(TWO_SITES, res(RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-serving-1','ttl':15}")),
                        stack(TWO_SITES, res(RECORD, "a-global", "{'setIdentifier':'a','healthCheckId':'a-check-1','ttl':15}")),
                        "is not behind a serving check with a drain switch"),
                Arguments.of("external-dns-owner-ids-distinct",
                        stack(TWO_SITES, res(RELEASE, "a-edns", "{'chart':'external-dns','values':{'txtOwnerId':'o-a'}}"),
                                res(RELEASE, "b-edns", "{'chart':'external-dns','values':{'txtOwnerId':'o-b'}}")),
                        stack(TWO_SITES, res(RELEASE, "a-edns", "{'chart':'external-dns','values':{'txtOwnerId':'o'}}"),
                                res(RELEASE, "b-edns", "{'chart':'external-dns','values':{'txtOwnerId':'o'}}")),
                        "shares txtOwnerId o with"),
                Arguments.of("one-write-primary-per-partition",
                        stack(TWO_SITES, protectedRes(RDS, "db-primary", "{}"), res(RDS, "db-replica", "{'replicateSourceDb':'arn:primary'}")),
                        stack(TWO_SITES, protectedRes(RDS, "db-a", "{}"), protectedRes(RDS, "db-b", "{}")),
                        "partition default has 2 write primaries"),
                Arguments.of("database-primary-protected",
                        stack(TWO_SITES, protectedRes(RDS, "db", "{'storageEncrypted':true,'deletionProtection':true}")),
                        stack(TWO_SITES, res(RDS, "db", "{'storageEncrypted':true,'deletionProtection':true}")),
                        "primary db lacks Pulumi protect"),
                Arguments.of("database-replica-encrypted",
                        stack(TWO_SITES, res(RDS, "replica", "{'replicateSourceDb':'arn:p','storageEncrypted':true}")),
                        stack(TWO_SITES, res(RDS, "replica", "{'replicateSourceDb':'arn:p'}")), "replica replica is not encrypted"),
                Arguments.of("unique-mesh-cluster-ids",
                        stack(TWO_SITES, res(RELEASE, "a-cilium", "{'chart':'cilium','values':{'cluster':{'id':1}}}"),
                                res(RELEASE, "b-cilium", "{'chart':'cilium','values':{'cluster':{'id':2}}}")),
                        stack(TWO_SITES, res(RELEASE, "a-cilium", "{'chart':'cilium','values':{'cluster':{'id':1}}}"),
                                res(RELEASE, "b-cilium", "{'chart':'cilium','values':{'cluster':{'id':1}}}")),
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
                        stack(TWO_SITES, siteA, siteB, k8sA, k8sB, res(NAMESPACE, "a-ns-hello", siteA.urn(), k8sA.urn(), HELLO_NS),
                                res(NAMESPACE, "b-ns-hello", siteB.urn(), k8sB.urn(), HELLO_NS), res(EXPORT, "a-export-hello", siteA.urn(), k8sA.urn(), HELLO_EXPORT)),
                        stack(TWO_SITES, siteA, siteB, k8sA, k8sB, res(NAMESPACE, "a-ns-hello", siteA.urn(), k8sA.urn(), HELLO_NS),
                                res(EXPORT, "a-export-hello", siteA.urn(), k8sA.urn(), HELLO_EXPORT)),
                        "site b has no namespace hello"),
                Arguments.of("mcs-api-on-every-cilium",
                        stack(TWO_SITES, res(EXPORT, "a-export-hello", HELLO_EXPORT),
                                res(RELEASE, "a-cilium", "{'chart':'cilium','values':{'clustermesh':{'mcsapi':{'enabled':true}}}}")),
                        stack(TWO_SITES, res(EXPORT, "a-export-hello", HELLO_EXPORT),
                                res(RELEASE, "a-cilium", "{'chart':'cilium','values':{'clustermesh':{'mcsapi':{'enabled':false}}}}")),
                        "a-cilium does not enable clustermesh.mcsapi"),
                Arguments.of("mesh-gate-before-applicationsets",
                        stack(TWO_SITES, res(RELEASE, "a-cilium", "{'chart':'cilium','values':{'cluster':{'name':'a'}}}"), gateA,
                                withDependencies(res(APPSET, "a-argocd-hello", "{'metadata':{'name':'hello'}}"), gateA.urn())),
                        stack(TWO_SITES, res(RELEASE, "a-cilium", "{'chart':'cilium','values':{'cluster':{'name':'a'}}}"), gateA,
                                res(APPSET, "a-argocd-hello", "{'metadata':{'name':'hello'}}")),
                        "ApplicationSet hello does not wait for the mesh gate of a"),
                Arguments.of("mesh-gate-before-applicationsets",
                        stack(TWO_SITES, res(RELEASE, "a-cilium", "{'chart':'cilium','values':{'cluster':{'name':'a'}}}"), gateA,
                                withDependencies(res(APPSET, "a-argocd-hello", "{'metadata':{'name':'hello'}}"), gateA.urn())),
                        stack(TWO_SITES, res(RELEASE, "b-cilium", "{'chart':'cilium','values':{'cluster':{'name':'b'}}}"),
                                res(APPSET, "a-argocd-hello", "{'metadata':{'name':'hello'}}")),
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
        var siteA = site(EKS, "a");
        var siteB = site(GKE, "b");
        var k8sA = res("pulumi:providers:kubernetes", "a-k8s", siteA.urn(), "", "{}");
        var k8sB = res("pulumi:providers:kubernetes", "b-k8s", siteB.urn(), "", "{}");
        var unplaced = stack(TWO_SITES, siteA, siteB, k8sA, k8sB, res(NAMESPACE, "a-ns-hello", siteA.urn(), k8sA.urn(), HELLO_NS),
                res(NAMESPACE, "b-ns-hello", Fixtures.STACK, "", HELLO_NS), res(EXPORT, "a-export-hello", siteA.urn(), k8sA.urn(), HELLO_EXPORT));
        assertThat(Fixtures.run("global-service-namespace-everywhere", unplaced)).isEmpty();
        var unnamed = stack(TWO_SITES, siteA, siteB, k8sA, k8sB, res(NAMESPACE, "a-ns-hello", siteA.urn(), k8sA.urn(), HELLO_NS),
                res(NAMESPACE, "b-ns-hello", siteB.urn(), k8sB.urn(), "{'metadata':{}}"), res(EXPORT, "a-export-hello", siteA.urn(), k8sA.urn(), HELLO_EXPORT));
        assertThat(Fixtures.run("global-service-namespace-everywhere", unnamed)).isEmpty();
        var placedButMissing = stack(TWO_SITES, siteA, siteB, k8sA, k8sB, res(NAMESPACE, "a-ns-hello", siteA.urn(), k8sA.urn(), HELLO_NS),
                res(EXPORT, "a-export-hello", siteA.urn(), k8sA.urn(), HELLO_EXPORT));
        assertThat(Fixtures.run("global-service-namespace-everywhere", placedButMissing)).extracting(v -> v.message())
                .anyMatch(m -> m.contains("site b has no namespace hello"));
    }

    @org.junit.jupiter.api.Test
    void everyRuleHasAFixturePair() {
        assertThat(cases().map(a -> (String) a.get()[0]).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(PolicyPack.RULES.stream().map(Rule::name).toList());
    }
}
