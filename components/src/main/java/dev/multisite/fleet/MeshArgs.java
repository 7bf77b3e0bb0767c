package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.multisite.topology.MeshOptions;

import java.util.List;

/**
 * The top-level {@code mesh} block: how Cilium Cluster Mesh joins every site.
 * Getters return null for an absent key.
 */
public final class MeshArgs extends ResourceArgs {

    /** Default true. */
    @Import(name = "enabled", required = false)
    private Boolean enabled;

    /** The Cilium chart version; default {@value MeshOptions#DEFAULT_CHART_VERSION}. */
    @Import(name = "chartVersion", required = false)
    private String chartVersion;

    /** {@code tunnel-vxlan} (default), {@code tunnel-geneve} or {@code native}. */
    @Import(name = "datapath", required = false)
    private String datapath;

    /** Native datapath only, and required there: a range covering every site's pod CIDR. */
    @Import(name = "ipv4NativeRoutingCidr", required = false)
    private String ipv4NativeRoutingCidr;

    /**
     * How each clustermesh-apiserver is reached: an internal {@code loadbalancer} (default) or
     * {@code nodeport}.
     */
    @Import(name = "apiserverExposure", required = false)
    private String apiserverExposure;

    /** {@code wireguard} (default) or {@code none}. */
    @Import(name = "encryption", required = false)
    private String encryption;

    /** Services marked global across the mesh; default none. */
    @Import(name = "globalServices", required = false)
    private List<GlobalServiceArgs> globalServices;

    public MeshArgs() {
    }

    public Boolean enabled() {
        return enabled;
    }

    public String chartVersion() {
        return chartVersion;
    }

    public String datapath() {
        return datapath;
    }

    public String ipv4NativeRoutingCidr() {
        return ipv4NativeRoutingCidr;
    }

    public String apiserverExposure() {
        return apiserverExposure;
    }

    public String encryption() {
        return encryption;
    }

    public List<GlobalServiceArgs> globalServices() {
        return globalServices;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final MeshArgs args = new MeshArgs();

        public Builder enabled(Boolean enabled) {
            args.enabled = enabled;
            return this;
        }

        public Builder chartVersion(String chartVersion) {
            args.chartVersion = chartVersion;
            return this;
        }

        public Builder datapath(String datapath) {
            args.datapath = datapath;
            return this;
        }

        public Builder ipv4NativeRoutingCidr(String ipv4NativeRoutingCidr) {
            args.ipv4NativeRoutingCidr = ipv4NativeRoutingCidr;
            return this;
        }

        public Builder apiserverExposure(String apiserverExposure) {
            args.apiserverExposure = apiserverExposure;
            return this;
        }

        public Builder encryption(String encryption) {
            args.encryption = encryption;
            return this;
        }

        public Builder globalServices(List<GlobalServiceArgs> globalServices) {
            args.globalServices = globalServices;
            return this;
        }

        public MeshArgs build() {
            return args;
        }
    }
}
