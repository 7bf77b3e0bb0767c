package dev.multisite.site;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names under which a site's facts are exported for other stacks (fleet mode's site parts):
 * the same names for the writer ({@link Site#facts()} and the per-cloud site interfaces) and the
 * readers, so the two cannot drift. Per-cloud names live on the cloud's interface.
 */
public final class SiteFacts {
    public static final String CLUSTER_NAME = "clusterName";
    public static final String ENDPOINT = "endpoint";
    /** A secret. */
    public static final String KUBECONFIG = "kubeconfig";
    public static final String SYSTEM_NAMESPACE = "systemNamespace";
    public static final String OIDC_ISSUER = "oidcIssuerUrl";
    public static final String OIDC_PROVIDER_ARN = "oidcProviderArn";

    private SiteFacts() {
    }

    /** The facts every site has: its cluster, its kubeconfig (a secret), its system namespace and workload identity. */
    static Map<String, Output<?>> common(Site site) {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put(CLUSTER_NAME, site.clusterName());
        out.put(ENDPOINT, site.endpoint());
        out.put(KUBECONFIG, site.kubeconfig().asSecret());
        out.put(SYSTEM_NAMESPACE, site.systemNamespace());
        site.workloadIdentity().ifPresent(wi -> {
            out.put(OIDC_ISSUER, wi.issuerUrl());
            out.put(OIDC_PROVIDER_ARN, wi.providerArn());
        });
        return out;
    }

    /** The facts every site has, then a cloud's own, in the order given (its interface's {@code facts()}). */
    @SafeVarargs
    static Map<String, Output<?>> withCloud(Site site, Map.Entry<String, ? extends Output<?>>... cloud) {
        Map<String, Output<?>> out = common(site);
        for (var fact : cloud) {
            out.put(fact.getKey(), fact.getValue());
        }
        return out;
    }
}
