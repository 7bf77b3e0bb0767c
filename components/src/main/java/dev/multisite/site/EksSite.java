package dev.multisite.site;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterKubernetesNetworkConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.KubernetesSettings;
import dev.multisite.topology.NodePool;
import dev.multisite.topology.SiteSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An EKS site: its own VPC (public and private subnets over three zones, one NAT gateway per zone
 * so losing a zone does not cut egress), an EKS cluster whose API is private plus a public endpoint
 * restricted to {@code kubernetes.apiAccessCidrs}, managed node groups in the private subnets, and
 * the IAM OIDC provider that IRSA roles trust. Everything goes through the site's own AWS provider.
 *
 * <p>The cluster is created without EKS's default networking add-ons (VPC CNI, kube-proxy, CoreDNS):
 * Cilium is the site's CNI and kube-proxy replacement. Order of a first {@code pulumi up}: cluster;
 * then in parallel the node groups (nodes join NotReady) and the Cilium release (its agents make
 * the nodes Ready, which is what lets the node groups become ACTIVE); then CoreDNS as an EKS add-on,
 * created by {@link #installCoreDns} once the Cilium release is up. See cilium-mesh/README.md.
 */
public final class EksSite extends SiteComponent implements AwsSite {
    public static final String TYPE = "multisite:site:EksSite";

    private static final String EKS_ASSUME = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}""";
    private static final String EC2_ASSUME = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    /**
     * AWS managed policies by ARN. {@code arn:aws:} is the commercial partition; the topology parser
     * refuses regions of the other partitions (aws-cn, aws-us-gov, ISO), whose ARNs would differ.
     */
    // No AmazonEKS_CNI_Policy: it grants the VPC CNI its ENI calls, and no VPC CNI runs here
    // (bootstrapSelfManagedAddons=false; Cilium in cluster-pool overlay mode makes no EC2 calls).
    private static final List<String> NODE_POLICIES = List.of(
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");

    private final Provider aws;
    private final Output<String> vpcId;
    private final List<Output<String>> privateSubnetIds = new ArrayList<>();
    private final List<Output<String>> privateRouteTableIds = new ArrayList<>();
    private final Output<String> nodeSecurityGroupId;
    private final Output<String> clusterName;
    private final List<Resource> nodeGroups = new ArrayList<>();
    private Addon coreDns;
    private String extraServerBlocks;

    public EksSite(SiteSpec spec, ComponentResourceOptions options) {
        super(TYPE, spec, options);
        this.aws = new Provider(childName("aws"), providerArgs(spec), child());
        this.vpcId = network(spec).id();
        var cluster = cluster(spec);
        this.clusterName = cluster.name();
        this.nodeSecurityGroupId = cluster.vpcConfig().applyValue(c -> c.clusterSecurityGroupId().orElseThrow());
        nodeGroups(spec.kubernetes(), cluster);
        Output<String> issuer = cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElseThrow());
        var oidc = new OpenIdConnectProvider(childName("oidc"), OpenIdConnectProviderArgs.builder()
                .url(issuer)
                .clientIdLists("sts.amazonaws.com")
                .build(), onAws());
        complete(cluster.name(), cluster.endpoint(), kubeconfig(spec, cluster), Optional.of(new WorkloadIdentity(
                WorkloadIdentity.Kind.AWS_IRSA, issuer, oidc.arn(), "")));
    }

    /** The VPC, its internet gateway and public route table, and each zone's subnets ({@link #zone}). */
    private Vpc network(SiteSpec spec) {
        var vpcCidr = spec.network().vpcCidr();
        var vpc = new Vpc(childName("vpc"), VpcArgs.builder()
                .cidrBlock(vpcCidr.toString())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .build(), onAws());
        var igw = new InternetGateway(childName("igw"), InternetGatewayArgs.builder().vpcId(vpc.id()).build(), onAws());
        var publicRoutes = new RouteTable(childName("public-rt"), RouteTableArgs.builder()
                .vpcId(vpc.id())
                .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").gatewayId(igw.id()).build())
                .build(), onAws());
        List<String> zones = zones(spec);
        for (int z = 0; z < SubnetLayout.ZONES; z++) {
            zone(vpc, publicRoutes, zones.get(z), z);
        }
        return vpc;
    }

    /** One zone's public subnet with its NAT gateway, and its private (node) subnet routed through that NAT. */
    private void zone(Vpc vpc, RouteTable publicRoutes, String zone, int z) {
        var vpcCidr = spec().network().vpcCidr();
        var pub = subnet("public-" + zone, vpc, SubnetLayout.publicSubnet(vpcCidr, z), zone, true);
        new RouteTableAssociation(childName("public-" + zone), RouteTableAssociationArgs.builder()
                .subnetId(pub.id()).routeTableId(publicRoutes.id()).build(), onAws());
        var eip = new Eip(childName("nat-" + zone), EipArgs.builder().domain("vpc").build(), onAws());
        var nat = new NatGateway(childName("nat-" + zone), NatGatewayArgs.builder()
                .subnetId(pub.id()).allocationId(eip.id()).build(), onAws());
        var priv = subnet("private-" + zone, vpc, SubnetLayout.privateSubnet(vpcCidr, z), zone, false);
        // Routes of private tables are separate resources: the interconnect adds its own to them,
        // and inline routes would claim the whole table.
        var privateRoutes = new RouteTable(childName("private-rt-" + zone), RouteTableArgs.builder()
                .vpcId(vpc.id()).build(), onAws());
        new Route(childName("private-default-" + zone), RouteArgs.builder()
                .routeTableId(privateRoutes.id()).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.id()).build(), onAws());
        privateRouteTableIds.add(privateRoutes.id());
        new RouteTableAssociation(childName("private-" + zone), RouteTableAssociationArgs.builder()
                .subnetId(priv.id()).routeTableId(privateRoutes.id()).build(), onAws());
        privateSubnetIds.add(priv.id());
    }

    /** The EKS cluster and its role, on the private subnets, without the add-ons Cilium replaces. */
    private Cluster cluster(SiteSpec spec) {
        var clusterRole = new Role(childName("cluster-role"), RoleArgs.builder().assumeRolePolicy(EKS_ASSUME).build(), onAws());
        var clusterPolicy = new RolePolicyAttachment(childName("cluster-policy"), RolePolicyAttachmentArgs.builder()
                .role(clusterRole.name())
                .policyArn("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy").build(), onAws());
        var k8s = spec.kubernetes();
        return new Cluster(childName("eks"), ClusterArgs.builder()
                .version(k8s.version())
                .roleArn(clusterRole.arn())
                .vpcConfig(ClusterVpcConfigArgs.builder()
                        .subnetIds(Output.all(privateSubnetIds))
                        .endpointPrivateAccess(true)
                        .endpointPublicAccess(true)
                        .publicAccessCidrs(k8s.apiAccessCidrs().stream().map(Cidr::toString).toList())
                        .build())
                .kubernetesNetworkConfig(ClusterKubernetesNetworkConfigArgs.builder()
                        .serviceIpv4Cidr(spec.network().serviceCidr().toString()).build())
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API")
                        .bootstrapClusterCreatorAdminPermissions(true).build())
                .enabledClusterLogTypes("api", "audit", "authenticator")
                // No aws-node (VPC CNI), kube-proxy or CoreDNS: Cilium's EKS install needs aws-node
                // absent (cilium/cilium Documentation/installation/k8s-install-helm.rst, EKS tab) and
                // replaces kube-proxy (cilium-mesh/values/aws.yaml). "Install default unmanaged add-ons
                // ... during cluster creation. If false, you must manually install desired add-ons.
                // Changing this value will force a new cluster to be created." (pulumi-aws eks.Cluster,
                // bootstrapSelfManagedAddons). CoreDNS comes back as an EKS add-on: installCoreDns.
                .bootstrapSelfManagedAddons(false)
                .build(), CustomResourceOptions.builder().parent(this).provider(aws).dependsOn(clusterPolicy).build());
    }

    /** The node role with its managed policies, and one managed node group per pool. */
    private void nodeGroups(KubernetesSettings k8s, Cluster cluster) {
        var nodeRole = new Role(childName("node-role"), RoleArgs.builder().assumeRolePolicy(EC2_ASSUME).build(), onAws());
        var nodePolicies = new ArrayList<com.pulumi.resources.Resource>();
        for (String policy : NODE_POLICIES) {
            String role = "node-" + policy.substring(policy.lastIndexOf('/') + 1).replace("_", "-").toLowerCase();
            nodePolicies.add(new RolePolicyAttachment(childName(role), RolePolicyAttachmentArgs.builder()
                    .role(nodeRole.name()).policyArn(policy).build(), onAws()));
        }
        for (NodePool pool : k8s.nodePools()) {
            // Nodes join NotReady until Cilium's agent runs on them; the node group waits for that,
            // which works because nothing orders the Cilium release after the node groups.
            var group = new NodeGroup(childName("pool-" + pool.name()), NodeGroupArgs.builder()
                    .clusterName(cluster.name())
                    .nodeRoleArn(nodeRole.arn())
                    .subnetIds(Output.all(privateSubnetIds))
                    .instanceTypes(pool.machineType())
                    .scalingConfig(NodeGroupScalingConfigArgs.builder()
                            .minSize(pool.min()).desiredSize(pool.min()).maxSize(pool.max()).build())
                    .labels(java.util.Map.of("multisite/pool", pool.name()))
                    .build(), CustomResourceOptions.builder().parent(this).provider(aws).dependsOn(nodePolicies).build());
            nodeGroups.add(group);
        }
    }

    /** A kubeconfig that logs in with {@code aws eks get-token}. */
    private static Output<String> kubeconfig(SiteSpec spec, Cluster cluster) {
        return Output.tuple(cluster.name(), cluster.endpoint(), cluster.certificateAuthority())
                .applyValue(t -> Kubeconfigs.exec(spec.name(), t.t2, t.t3.data().orElseThrow(), new Kubeconfigs.ExecPlugin(
                        "aws", List.of("eks", "get-token", "--cluster-name", t.t1, "--region", spec.region(), "--output", "json"),
                        List.of(), "Install the AWS CLI v2: https://docs.aws.amazon.com/cli/")));
    }

    /**
     * Installs CoreDNS as the EKS add-on {@code coredns} (the version EKS picks for the cluster's
     * Kubernetes version), after {@code cni} and the node groups: its pods need a CNI and Ready
     * nodes, otherwise the add-on stays DEGRADED and its creation fails. Call once, with the site's
     * Cilium release; the composition does, because the release belongs to the mesh component.
     *
     * @param cni the resource that makes the site's pod network work (the site's Cilium release)
     * @return the add-on ({@code <site>-coredns}, a child of this site on its AWS provider)
     */
    public Addon installCoreDns(Resource cni) {
        if (coreDns != null) {
            throw new IllegalStateException("site " + spec().name() + ": CoreDNS is already installed");
        }
        List<Resource> after = new ArrayList<>(nodeGroups);
        after.add(cni);
        var args = AddonArgs.builder()
                .clusterName(clusterName)
                .addonName("coredns");
        if (extraServerBlocks != null) {
            args.configurationValues(coreDnsConfiguration(extraServerBlocks));
        }
        coreDns = new Addon(childName("coredns"), args.build(), CustomResourceOptions.builder().parent(this).provider(aws).dependsOn(after).build());
        return coreDns;
    }

    /** A Service of the cluster: a server block of the CoreDNS add-on's Corefile; routed resolvers as every AWS site. */
    @Override
    public void forwardZone(ZoneForward forward) {
        switch (forward.reach()) {
            case CLUSTER_SERVICE -> addCoreDnsServerBlocks(forward.corefileServerBlock());
            case ROUTED -> AwsSite.super.forwardZone(forward);
        }
    }

    /**
     * Adds server blocks to the Corefile of the CoreDNS add-on {@link #installCoreDns} installs (e.g. a
     * zone forwarded elsewhere). Call before {@link #installCoreDns}.
     */
    private void addCoreDnsServerBlocks(String serverBlocks) {
        if (coreDns != null) {
            throw new IllegalStateException("site " + spec().name() + ": CoreDNS is already installed; add server blocks before");
        }
        extraServerBlocks = extraServerBlocks == null ? serverBlocks : extraServerBlocks + serverBlocks;
    }

    /**
     * The add-on's configuration values: its {@code corefile} key replaces the whole Corefile (AWS
     * "Amazon EKS add-ons: Advanced configuration": the coredns add-on's schema lets the Corefile be
     * modified; {@code aws eks describe-addon-configuration --addon-name coredns} lists it), so the
     * default server block (Kubernetes "Customizing DNS Service", the default Corefile) is kept as is.
     */
    static String coreDnsConfiguration(String serverBlocks) {
        String corefile = """
                .:53 {
                    errors
                    health {
                        lameduck 5s
                    }
                    ready
                    kubernetes cluster.local in-addr.arpa ip6.arpa {
                        pods insecure
                        fallthrough in-addr.arpa ip6.arpa
                        ttl 30
                    }
                    prometheus :9153
                    forward . /etc/resolv.conf
                    cache 30
                    loop
                    reload
                    loadbalance
                }
                """ + serverBlocks;
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("corefile", corefile).toString();
    }

    /** The site's AWS provider settings: its region, and its tags on every resource. */
    public static ProviderArgs providerArgs(SiteSpec spec) {
        return ProviderArgs.builder()
                .region(spec.region())
                .defaultTags(com.pulumi.aws.inputs.ProviderDefaultTagsArgs.builder().tags(tags(spec)).build())
                .build();
    }

    /** The AWS provider of this site (region from the topology), for components that add AWS resources. */
    public Provider awsProvider() {
        return aws;
    }

    /** The site's VPC id, for components that place resources in it (databases, security groups). */
    public Output<String> vpcId() {
        return vpcId;
    }

    @Override
    public Output<List<String>> privateSubnets() {
        return Output.all(privateSubnetIds);
    }

    /** The route tables of the private subnets, one per zone: where routes to remote sites go. */
    public List<Output<String>> privateRouteTableIds() {
        return List.copyOf(privateRouteTableIds);
    }

    /** The EKS cluster security group, which managed node groups attach to every node. */
    public Output<String> nodeSecurityGroupId() {
        return nodeSecurityGroupId;
    }

    private CustomResourceOptions onAws() {
        return CustomResourceOptions.builder().parent(this).provider(aws).build();
    }

    private Subnet subnet(String role, Vpc vpc, Cidr cidr, String zone, boolean isPublic) {
        return new Subnet(childName(role), SubnetArgs.builder()
                .vpcId(vpc.id())
                .cidrBlock(cidr.toString())
                .availabilityZone(zone)
                .mapPublicIpOnLaunch(isPublic)
                .tags(java.util.Map.of(isPublic ? "kubernetes.io/role/elb" : "kubernetes.io/role/internal-elb", "1",
                        "Name", childName(role)))
                .build(), onAws());
    }

    private static List<String> zones(SiteSpec spec) {
        if (spec.aws() != null && !spec.aws().availabilityZones().isEmpty()) {
            return spec.aws().availabilityZones();
        }
        return List.of(spec.region() + "a", spec.region() + "b", spec.region() + "c");
    }
}
