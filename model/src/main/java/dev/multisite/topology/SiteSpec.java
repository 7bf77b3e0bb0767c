package dev.multisite.topology;

/**
 * One site as declared in {@code sites[]}. Exactly the block of its provider may be set.
 *
 * @param name       {@code [a-z][a-z0-9-]{0,19}}, unique; used in resource names, DNS names and labels
 * @param provider   where the cluster comes from
 * @param region     the provider's region (a free-form location for {@code existing})
 * @param capacity   how much of the global traffic the site can serve, in the unit of {@code peakDemand}
 * @param network    the site's address plan
 * @param mesh       the site's Cluster Mesh identity
 * @param kubernetes the cluster's version, API access and node pools
 */
public record SiteSpec(
        @Required String name,
        @Required CloudProvider provider,
        @Required String region,
        @Required Integer capacity,
        @Required NetworkSettings network,
        @Required MeshSettings mesh,
        @Required KubernetesSettings kubernetes,
        AwsSettings aws,
        GcpSettings gcp,
        AzureSettings azure,
        ExistingSettings existing) {

    /**
     * The site's block for {@code provider} ({@code sites[].<provider>}), null when it is not set.
     * A switch expression: a new provider does not compile until its block is named here.
     */
    public ProviderSettings block(CloudProvider provider) {
        return switch (provider) {
            case AWS -> aws;
            case GCP -> gcp;
            case AZURE -> azure;
            case EXISTING -> existing;
        };
    }

    /** The site's BGP ASN: {@code network.asn}, or 64512 + {@code mesh.clusterId} when unset. */
    public long asn() {
        return network.asn() != null ? network.asn() : NetworkSettings.PRIVATE_ASN_BASE + mesh.clusterId();
    }

    /**
     * The range Cilium's cluster-pool IPAM hands pod addresses out of: the site's pod CIDR, except
     * on GKE, where its lower half. A VPC-native GKE cluster must name a pods secondary range, and
     * GKE gives every node an alias IP range out of it (a VPC route to that node); Cilium's
     * cluster pool allocates per-node ranges of its own (Cilium docs, IPAM "Cluster Scope"), so
     * the two must not share addresses, or the VPC would route one node's pods to another node.
     */
    public Cidr ciliumPodPool() {
        // A switch expression: a new provider does not compile until it is decided whether its
        // cloud routes pod ranges of its own inside the pod CIDR.
        return switch (provider) {
            case GCP -> network.podCidr().subnet(network.podCidr().prefixLength() + 1, 0);
            case AWS, AZURE, EXISTING -> network.podCidr();
        };
    }

    /** GKE's own {@code pods} secondary range: the upper half of the pod CIDR (see {@link #ciliumPodPool()}). */
    public Cidr gkePodsRange() {
        return network.podCidr().subnet(network.podCidr().prefixLength() + 1, 1);
    }

    /**
     * The ranges the site announces over the interconnect: its address plan's three, and on GCP the
     * private services range Cloud SQL takes its addresses from, when the site declares one.
     */
    public java.util.List<Cidr> routedRanges() {
        var range = PrivateServices.range(this);
        if (range.isEmpty()) {
            return network.ranges();
        }
        var out = new java.util.ArrayList<>(network.ranges());
        out.add(range.get());
        return java.util.List.copyOf(out);
    }
}
