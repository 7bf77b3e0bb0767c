package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * One entry of {@code sites[]}. Exactly the block of the site's provider ({@code aws}, {@code gcp},
 * {@code azure} or {@code existing}) may be set.
 * Getters return null for an absent key.
 */
public final class SiteArgs extends ResourceArgs {

    /** {@code [a-z][a-z0-9-]{0,19}}, unique; used in resource names, DNS names and labels. */
    @Import(name = "name", required = true)
    private String name;

    /** {@code aws}, {@code gcp}, {@code azure} or {@code existing}. */
    @Import(name = "provider", required = true)
    private String provider;

    /**
     * The provider's region ({@code us-east-1}, {@code europe-west4}, {@code westeurope}); a free-form
     * location ({@code fra-dc1}) for {@code existing}.
     */
    @Import(name = "region", required = true)
    private String region;

    /** How much of the global traffic the site can serve, in the unit of {@code peakDemand}. */
    @Import(name = "capacity", required = true)
    private Integer capacity;

    /** The site's address plan and BGP ASN. */
    @Import(name = "network", required = true)
    private SiteNetworkArgs network;

    /** The site's Cluster Mesh identity. */
    @Import(name = "mesh", required = true)
    private SiteMeshArgs mesh;

    /** The cluster's version, API access and node pools. */
    @Import(name = "kubernetes", required = true)
    private KubernetesArgs kubernetes;

    /** Only on an {@code aws} site; optional there. */
    @Import(name = "aws", required = false)
    private AwsArgs aws;

    /** Only on a {@code gcp} site, and required there. */
    @Import(name = "gcp", required = false)
    private GcpArgs gcp;

    /** Only on an {@code azure} site, and required there. */
    @Import(name = "azure", required = false)
    private AzureArgs azure;

    /** Only on an {@code existing} site, and required there. */
    @Import(name = "existing", required = false)
    private ExistingArgs existing;

    public SiteArgs() {
    }

    public String name() {
        return name;
    }

    public String provider() {
        return provider;
    }

    public String region() {
        return region;
    }

    public Integer capacity() {
        return capacity;
    }

    public SiteNetworkArgs network() {
        return network;
    }

    public SiteMeshArgs mesh() {
        return mesh;
    }

    public KubernetesArgs kubernetes() {
        return kubernetes;
    }

    public AwsArgs aws() {
        return aws;
    }

    public GcpArgs gcp() {
        return gcp;
    }

    public AzureArgs azure() {
        return azure;
    }

    public ExistingArgs existing() {
        return existing;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SiteArgs args = new SiteArgs();

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder provider(String provider) {
            args.provider = provider;
            return this;
        }

        public Builder region(String region) {
            args.region = region;
            return this;
        }

        public Builder capacity(Integer capacity) {
            args.capacity = capacity;
            return this;
        }

        public Builder network(SiteNetworkArgs network) {
            args.network = network;
            return this;
        }

        public Builder mesh(SiteMeshArgs mesh) {
            args.mesh = mesh;
            return this;
        }

        public Builder kubernetes(KubernetesArgs kubernetes) {
            args.kubernetes = kubernetes;
            return this;
        }

        public Builder aws(AwsArgs aws) {
            args.aws = aws;
            return this;
        }

        public Builder gcp(GcpArgs gcp) {
            args.gcp = gcp;
            return this;
        }

        public Builder azure(AzureArgs azure) {
            args.azure = azure;
            return this;
        }

        public Builder existing(ExistingArgs existing) {
            args.existing = existing;
            return this;
        }

        public SiteArgs build() {
            return args;
        }
    }
}
