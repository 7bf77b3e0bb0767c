package dev.multisite.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;

/**
 * The inputs of the fleet component: the whole topology of a stack, key for key the value of
 * stack config {@code multisite:topology} (see the topology table in README.md), plus the secret
 * values the topology names by config key. Nothing is checked here: the component validates
 * {@link #topologyTree()} with {@code TopologyParser.parse}.
 * Getters return null for an absent key.
 */
public final class FleetArgs extends ResourceArgs {

    /** The DNS domain the stack's names live under, e.g. {@code example.com}. */
    @Import(name = "domain", required = true)
    private String domain;

    /** {@code production} (default), {@code staging} or {@code development}. */
    @Import(name = "environment", required = false)
    private String environment;

    /** Global peak traffic, in the unit of the sites' {@code capacity} (for the N+1 capacity policy). */
    @Import(name = "peakDemand", required = false)
    private Integer peakDemand;

    /** The sites, at least two. */
    @Import(name = "sites", required = true)
    private List<SiteArgs> sites;

    /** Global DNS and health checks; absent means no global traffic layer. */
    @Import(name = "traffic", required = false)
    private TrafficArgs traffic;

    /** The data tier; absent means no managed database. */
    @Import(name = "data", required = false)
    private DataArgs data;

    /** Cilium Cluster Mesh options; absent means the defaults (enabled). */
    @Import(name = "mesh", required = false)
    private MeshArgs mesh;

    /** Argo CD and the apps every site runs; absent means no GitOps layer. */
    @Import(name = "gitops", required = false)
    private GitOpsArgs gitops;

    /** The inter-site network; absent means the defaults (hub interconnect enabled). */
    @Import(name = "network", required = false)
    private NetworkArgs network;

    /**
     * Secret values by config key name (namespace {@code multisite}): the kubeconfig of each
     * existing site ({@code existing.kubeconfig}) and each Cloudflare backend's token
     * ({@code apiToken}). Never part of the topology tree.
     */
    @JsonIgnore
    @Import(name = "secrets", required = false)
    private Map<String, Output<String>> secrets;

    public FleetArgs() {
    }

    /**
     * The topology these args describe, as a stack file's {@code multisite:topology} value: absent
     * keys left out, {@code secrets} left out, whole numbers written as integers.
     */
    public JsonNode topologyTree() {
        return FleetJson.toTree(this);
    }

    /**
     * The args for a topology tree (the reverse of {@link #topologyTree()}); an unknown key or a
     * value of the wrong JSON type is an {@link IllegalArgumentException}, everything else is left
     * to the parser. {@code data.replicas: all} becomes a null {@link DataArgs#replicas()}.
     */
    public static FleetArgs fromTopology(JsonNode topology, Map<String, Output<String>> secrets) {
        FleetArgs args = FleetJson.fromTree(topology);
        args.secrets = secrets;
        return args;
    }

    public String domain() {
        return domain;
    }

    public String environment() {
        return environment;
    }

    public Integer peakDemand() {
        return peakDemand;
    }

    public List<SiteArgs> sites() {
        return sites;
    }

    public TrafficArgs traffic() {
        return traffic;
    }

    public DataArgs data() {
        return data;
    }

    public MeshArgs mesh() {
        return mesh;
    }

    public GitOpsArgs gitops() {
        return gitops;
    }

    public NetworkArgs network() {
        return network;
    }

    /** The secret values by config key; empty when none were given (a topology that names none needs none). */
    public Map<String, Output<String>> secrets() {
        return secrets == null ? Map.of() : secrets;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final FleetArgs args = new FleetArgs();

        public Builder domain(String domain) {
            args.domain = domain;
            return this;
        }

        public Builder environment(String environment) {
            args.environment = environment;
            return this;
        }

        public Builder peakDemand(Integer peakDemand) {
            args.peakDemand = peakDemand;
            return this;
        }

        public Builder sites(List<SiteArgs> sites) {
            args.sites = sites;
            return this;
        }

        public Builder traffic(TrafficArgs traffic) {
            args.traffic = traffic;
            return this;
        }

        public Builder data(DataArgs data) {
            args.data = data;
            return this;
        }

        public Builder mesh(MeshArgs mesh) {
            args.mesh = mesh;
            return this;
        }

        public Builder gitops(GitOpsArgs gitops) {
            args.gitops = gitops;
            return this;
        }

        public Builder network(NetworkArgs network) {
            args.network = network;
            return this;
        }

        public Builder secrets(Map<String, Output<String>> secrets) {
            args.secrets = secrets;
            return this;
        }

        public FleetArgs build() {
            return args;
        }
    }
}
