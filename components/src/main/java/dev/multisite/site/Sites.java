package dev.multisite.site;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.topology.SiteSpec;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Creates the right {@link Site} for a declared site, and completes it: the only switches over providers for sites. */
public final class Sites {
    private Sites() {
    }

    /**
     * @param existingKubeconfig resolves an {@code existing.kubeconfig} config key to its secret value;
     *                           only called for {@code existing} sites
     */
    public static Site create(SiteSpec spec, Function<String, Output<String>> existingKubeconfig, ComponentResourceOptions options) {
        return switch (spec.provider()) {
            case AWS -> new EksSite(spec, options);
            case GCP -> new GkeSite(spec, options);
            case AZURE -> new AksSite(spec, options);
            case EXISTING -> new ExistingSite(spec, existingKubeconfig.apply(spec.existing().kubeconfig()), options);
        };
    }

    /**
     * What a site still needs once its CNI ({@code cni}, the site's Cilium release) exists. Only EKS
     * sites need anything: they are created without CoreDNS, which then follows the CNI. GKE runs its
     * own kube-dns, AKS its own CoreDNS, and an existing cluster brings its DNS.
     */
    public static void completeAfterCni(Site site, com.pulumi.resources.Resource cni) {
        // A switch expression, so a new provider does not compile until it is decided here.
        Runnable next = switch (site.provider()) {
            case AWS -> () -> ((EksSite) site).installCoreDns(cni);
            case GCP, AZURE, EXISTING -> () -> {
            };
        };
        next.run();
    }

    /**
     * The error when a site's per-cloud view ({@link Site#awsSite()} and the others) is empty after
     * a switch over its provider chose that cloud: a bug in the wiring, never bad input.
     */
    public static java.util.function.Supplier<IllegalStateException> notA(Site site, dev.multisite.topology.CloudProvider expected) {
        return () -> new IllegalStateException(site.name() + " is declared " + site.provider().key() + " but its site component is no "
                + expected.key() + " site");
    }

    /** The site's Kubernetes provider settings: server-side apply, and an unreachable cluster is an error, not a deletion. */
    public static com.pulumi.kubernetes.ProviderArgs kubernetesProviderArgs(Output<String> kubeconfig) {
        return com.pulumi.kubernetes.ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .enableServerSideApply(true)
                .deleteUnreachable(false)
                .build();
    }

    /**
     * The sites an args record is given, checked and copied: required, not empty (a layer over no
     * site would build nothing but its shared parts) and without null entries. {@code field} names
     * the args field in the message, e.g. {@code DatabaseTopologyArgs.sites}.
     */
    public static List<Site> checked(String field, List<Site> sites) {
        String expected = "every site of the stack, in topology order";
        if (sites == null) {
            throw new IllegalArgumentException(field + ": required; " + expected);
        }
        if (sites.isEmpty()) {
            throw new IllegalArgumentException(field + ": must not be empty; " + expected);
        }
        // Not contains(null): an immutable list throws on that.
        if (sites.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(field + ": entries must not be null; " + expected);
        }
        return List.copyOf(sites);
    }
}
