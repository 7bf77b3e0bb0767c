package dev.multisite.site;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.SiteSpec;

import java.util.Map;
import java.util.Optional;

/**
 * One site of the topology, whatever the cloud. Components above the cluster layer take this,
 * never a concrete site type, so they are written once for every provider.
 */
public interface Site {

    /** The declared site, with its network facts (VPC, pod and service ranges) and mesh identity. */
    SiteSpec spec();

    default String name() {
        return spec().name();
    }

    default CloudProvider provider() {
        return spec().provider();
    }

    default String region() {
        return spec().region();
    }

    default int capacity() {
        return spec().capacity();
    }

    /** The site's own Kubernetes provider: every Kubernetes child of any component uses this one. */
    com.pulumi.kubernetes.Provider kubernetesProvider();

    /** The namespace every site has for Multisite's own workloads and config ({@value #SYSTEM_NAMESPACE}). */
    String SYSTEM_NAMESPACE = "multisite-system";

    /** The name of the site's system namespace, available once it exists (depend on it through this output). */
    Output<String> systemNamespace();

    /** The site's component, to parent per-site children to or depend on. */
    ComponentResource resource();

    /** The cluster's name in its cloud (for {@code existing} sites, the site name). */
    Output<String> clusterName();

    /** The cluster API endpoint URL. */
    Output<String> endpoint();

    /** A kubeconfig for the cluster; always a Pulumi secret. */
    Output<String> kubeconfig();

    /** How workloads on this site get cloud identities, where the cloud has it (not for {@code existing}). */
    Optional<WorkloadIdentity> workloadIdentity();

    /**
     * What other stacks read of this site, by stack output name ({@link SiteFacts}): in fleet mode
     * the site part exports these. Each cloud's interface adds what its components use.
     */
    default Map<String, Output<?>> facts() {
        return SiteFacts.common(this);
    }

    /**
     * Sends this site's queries for a zone to other resolvers: the one place each cloud decides how
     * its sites forward a zone (the cluster's DNS, or the network's resolver), for every caller
     * (the {@code clusterset.local} resolver, the Azure database zone). Each cloud's interface
     * overrides this; a switch expression here makes a new provider decide it before it compiles.
     */
    default void forwardZone(ZoneForward forward) {
        IllegalStateException notHere = switch (provider()) {
            case AWS, GCP, AZURE -> new IllegalStateException("site " + name() + ": a " + provider()
                    + " site forwards zones through its cloud's interface (AwsSite, GcpSite, AzureSite), not Site");
            // Existing clusters: their DNS is not Multisite's to configure (where the mesh needs
            // clusterset.local, Cilium configures their CoreDNS: CiliumValues).
            case EXISTING -> new IllegalStateException("site " + name() + " is an existing cluster: Multisite does not configure its DNS, so it cannot forward "
                    + forward.zone());
        };
        throw notHere;
    }

    /*
     * Per-cloud views, instead of downcasts after a switch over the provider: each cloud's
     * interface answers its own (Site cannot be sealed, its implementations span packages).
     * Empty means "not this cloud"; callers decide per provider in a switch expression first.
     */

    /** This site as an AWS site; empty on any other cloud. */
    default Optional<AwsSite> awsSite() {
        return Optional.empty();
    }

    /** This site as a GCP site; empty on any other cloud. */
    default Optional<GcpSite> gcpSite() {
        return Optional.empty();
    }

    /** This site as an Azure site; empty on any other cloud. */
    default Optional<AzureSite> azureSite() {
        return Optional.empty();
    }
}
