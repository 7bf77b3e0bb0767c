package dev.multisite.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.catalog.ResourceTypes;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.Rule;
import dev.multisite.policy.StackView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.multisite.catalog.ResourceTypes.*;
import static dev.multisite.policy.EnforcementLevel.ADVISORY;
import static dev.multisite.policy.EnforcementLevel.MANDATORY;
import static dev.multisite.policy.Rules.resource;
import static dev.multisite.policy.Rules.stack;
import static dev.multisite.policy.Rules.topologyStack;
import static dev.multisite.policy.Rules.unless;

/** Rules about the sites themselves: how many, on which providers, with what capacity and exposure. */
public final class SiteRules {
    private SiteRules() {
    }

    /** A site as a stack rule sees it: its name and provider. */
    record SiteRef(String name, String provider) {
    }

    /**
     * The stack's sites: its site components when the preview lists every resource, otherwise the
     * topology's {@code sites[]} (a preview without {@code --show-sames} hides unchanged sites).
     */
    static List<SiteRef> declaredSites(StackView s) {
        if (s.complete()) {
            return s.sites().stream().map(r -> new SiteRef(r.name(), ResourceTypes.providerOfSiteType(r.type()).map(p -> p.key()).orElse(r.type()))).toList();
        }
        return s.topologySites().stream().map(t -> new SiteRef(t.path("name").asText(), t.path("provider").asText())).toList();
    }

    public static final Rule MIN_TWO_SITES = topologyStack("min-two-sites", MANDATORY,
            "The stack has at least two sites.",
            "Active-active means losing any one site without losing service; one site is a single point of failure.",
            "declare at least two sites in multisite:topology",
            Map.of(), List.of(SITES, Rule.TOPOLOGY), (s, c) -> {
                var sites = declaredSites(s);
                return unless(sites.size() >= 2 || sites.isEmpty() && !s.topology().has("sites"), "",
                        sites.size() + " site(s) in the stack", "declare at least two sites in multisite:topology");
            });

    public static final Rule MIN_TWO_PROVIDERS = topologyStack("min-two-providers", MANDATORY,
            "The sites span at least two providers.",
            "Provider failures are correlated across its regions; one provider is a single point of failure.",
            "move at least one site to another provider (or an existing cluster)",
            Map.of(), List.of(SITES, Rule.TOPOLOGY), (s, c) -> {
                var sites = declaredSites(s);
                var providers = sites.stream().map(SiteRef::provider).distinct().toList();
                return unless(sites.size() < 2 || providers.size() >= 2, "", "every site is on " + providers,
                        "move at least one site to another provider (or an existing cluster)");
            });

    public static final Rule PROVIDER_CAPACITY_SHARE = topologyStack("provider-capacity-share", MANDATORY,
            "No provider carries more than maxShare of the total capacity.",
            "Losing the biggest provider must not take more than the fleet can absorb.",
            "spread capacity over providers, or raise maxShare deliberately",
            Map.of("maxShare", 0.5), List.of(Rule.TOPOLOGY), (s, c) -> {
                Map<String, Integer> byProvider = new HashMap<>();
                int total = 0;
                for (JsonNode site : s.topology().path("sites")) {
                    byProvider.merge(site.path("provider").asText(), site.path("capacity").asInt(), Integer::sum);
                    total += site.path("capacity").asInt();
                }
                List<Rule.Finding> findings = new ArrayList<>();
                for (var e : byProvider.entrySet()) {
                    double share = total == 0 ? 0 : (double) e.getValue() / total;
                    if (share > c.number("maxShare") + 1e-9) {
                        findings.add(new Rule.Finding("", String.format(java.util.Locale.ROOT, "provider %s carries %.0f%% of the capacity (%d of %d)",
                                e.getKey(), share * 100, e.getValue(), total),
                                "spread capacity so no provider exceeds " + Math.round(c.number("maxShare") * 100) + "%"));
                    }
                }
                return findings;
            });

    public static final Rule N_PLUS_ONE_CAPACITY = topologyStack("n-plus-one-capacity", MANDATORY,
            "Total capacity minus the largest site still covers peakDemand.",
            "Losing any one site must not degrade service: the survivors must carry the peak.",
            "add capacity or a site until total capacity minus the largest site covers peakDemand",
            Map.of(), List.of(Rule.TOPOLOGY), (s, c) -> {
                JsonNode t = s.topology();
                if (!t.has("peakDemand")) {
                    return List.of();
                }
                int total = 0;
                int largest = 0;
                String largestName = "";
                for (JsonNode site : t.path("sites")) {
                    int cap = site.path("capacity").asInt();
                    total += cap;
                    if (cap > largest) {
                        largest = cap;
                        largestName = site.path("name").asText();
                    }
                }
                int peak = t.path("peakDemand").asInt();
                return unless(total - largest >= peak, "", "without " + largestName + " the fleet has " + (total - largest)
                        + " capacity for a peak demand of " + peak, "add capacity or a site, so that total - largest >= peakDemand");
            });

    public static final Rule API_NOT_OPEN_TO_WORLD = resource("cluster-api-not-open-to-world", MANDATORY,
            "Cluster API endpoints are not reachable from 0.0.0.0/0.",
            "An open control plane is the widest attack surface of every site at once.",
            "list only your CI runners and VPN in kubernetes.apiAccessCidrs",
            Map.of(), List.of(EKS_CLUSTER, GKE_CLUSTER, AKS_CLUSTER), (r, c) -> {
                List<String> cidrs = new ArrayList<>();
                switch (r.type()) {
                    case EKS_CLUSTER -> {
                        if (!r.input("vpcConfig.endpointPublicAccess").asBoolean(true)) {
                            return List.of();
                        }
                        if (!r.input("vpcConfig.publicAccessCidrs").isArray() || r.input("vpcConfig.publicAccessCidrs").isEmpty()) {
                            cidrs.add("0.0.0.0/0 (the EKS default when publicAccessCidrs is unset)");
                        }
                        r.input("vpcConfig.publicAccessCidrs").forEach(n -> cidrs.add(n.asText()));
                    }
                    case GKE_CLUSTER -> {
                        if (r.input("masterAuthorizedNetworksConfig").isMissingNode()) {
                            cidrs.add("0.0.0.0/0 (no master authorized networks)");
                        }
                        r.elements("masterAuthorizedNetworksConfig.cidrBlocks").forEach(n -> cidrs.add(n.input("cidrBlock").asText()));
                    }
                    case AKS_CLUSTER -> {
                        if (r.input("apiServerAccessProfile.enablePrivateCluster").asBoolean(false)) {
                            return List.of();
                        }
                        if (r.input("apiServerAccessProfile.authorizedIPRanges").isEmpty()) {
                            cidrs.add("0.0.0.0/0 (no authorized IP ranges)");
                        }
                        r.input("apiServerAccessProfile.authorizedIPRanges").forEach(n -> cidrs.add(n.asText()));
                    }
                    default -> {
                        return List.of();
                    }
                }
                var open = cidrs.stream().filter(x -> x.startsWith("0.0.0.0/0")).toList();
                return unless(open.isEmpty(), r.urn(), r.name() + " API is open to " + String.join(", ", open),
                        "set kubernetes.apiAccessCidrs to your CI runners and VPN ranges");
            });

    public static final Rule PRODUCTION_NODE_POOLS = resource("production-node-pools-min-two", MANDATORY,
            "In production stacks, every node pool keeps at least minNodes nodes.",
            "A one-node pool loses the site on a single node failure or upgrade.",
            "set every nodePools[].min to at least 2",
            Map.of("minNodes", 2), List.of(EKS_NODE_GROUP, GKE_NODE_POOL, AKS_CLUSTER), (r, c) -> {
                if (!"production".equals(c.topology().path("environment").asText("production"))) {
                    return List.of();
                }
                int min = (int) c.number("minNodes");
                List<Rule.Finding> findings = new ArrayList<>();
                switch (r.type()) {
                    case EKS_NODE_GROUP -> findings.addAll(minOf(r, r.input("scalingConfig.minSize"), min, r.name()));
                    case GKE_NODE_POOL -> findings.addAll(minOf(r, r.input("autoscaling.totalMinNodeCount"), min, r.name()));
                    case AKS_CLUSTER ->
                            r.elements("agentPoolProfiles").forEach(p -> findings.addAll(minOf(r, p.input("minCount"), min, p.input("name").asText())));
                    default -> {
                    }
                }
                return findings;
            });

    private static List<Rule.Finding> minOf(PolicyResource r, JsonNode value, int min, String pool) {
        return unless(value.isMissingNode() || value.asInt() >= min, r.urn(), "node pool " + pool + " has min " + value.asInt(),
                "set kubernetes.nodePools[" + pool + "].min to at least " + min);
    }

    public static final Rule EXPLICIT_PROVIDER = resource("explicit-provider", MANDATORY,
            "Every custom resource names an explicit provider (never a default provider).",
            "A default provider uses ambient credentials and region: a site's resources could land in the wrong account or region.",
            "pass the site's provider in the resource options",
            Map.of(), List.of("*"), (r, c) -> unless(!r.custom() || r.isProvider() || (!r.providerUrn().isEmpty() && !r.usesDefaultProvider()),
                    r.urn(), r.name() + " (" + r.type() + ") uses " + (r.providerUrn().isEmpty() ? "no provider" : "a default provider"),
                    "pass the site's provider in the resource options"));

    public static final Rule KUBERNETES_OWN_SITE_PROVIDER = stack("kubernetes-own-site-provider", MANDATORY,
            "Every Kubernetes resource uses the Kubernetes provider of the site it belongs to.",
            "A Kubernetes child on the wrong provider deploys into the wrong cluster.",
            "create Kubernetes children with site.kubernetesProvider() of their own site",
            Map.of(), List.of(KUBERNETES, KUBERNETES_PROVIDER, SITES), (s, c) -> {
                var byUrn = s.byUrn();
                List<Rule.Finding> findings = new ArrayList<>();
                for (PolicyResource r : s.typeStartsWith("kubernetes:")) {
                    PolicyResource provider = byUrn.get(r.providerUrn());
                    if (provider == null || !provider.type().equals(KUBERNETES_PROVIDER)) {
                        findings.add(new Rule.Finding(r.urn(), r.name() + " has no explicit Kubernetes provider", "use site.kubernetesProvider()"));
                    } else if (siteOf(r, byUrn) != null && !siteOf(r, byUrn).equals(siteOf(provider, byUrn))) {
                        findings.add(new Rule.Finding(r.urn(), r.name() + " belongs to site " + siteOf(r, byUrn) + " but deploys with the provider of "
                                + siteOf(provider, byUrn), "use the provider of " + siteOf(r, byUrn)));
                    }
                }
                return findings;
            });

    public static final Rule PRIVATE_NODES = resource("private-nodes", ADVISORY,
            "Cluster nodes have no public addresses (GKE private nodes, EKS private API access).",
            "Nodes reachable from the internet widen every site's attack surface.",
            "keep nodes private (GKE private nodes, EKS private endpoint)",
            Map.of(), List.of(GKE_CLUSTER, EKS_CLUSTER), (r, c) -> switch (r.type()) {
                case GKE_CLUSTER -> unless(r.input("privateClusterConfig.enablePrivateNodes").asBoolean(false), r.urn(),
                        r.name() + " has public nodes", "enable privateClusterConfig.enablePrivateNodes");
                case EKS_CLUSTER -> unless(r.input("vpcConfig.endpointPrivateAccess").asBoolean(false), r.urn(),
                        r.name() + " has no private API endpoint", "enable vpcConfig.endpointPrivateAccess");
                default -> List.of();
            });

    /** The site a resource belongs to (see {@link ResourceTypes#siteOf}), or null. */
    static String siteOf(PolicyResource r, Map<String, PolicyResource> byUrn) {
        return ResourceTypes.siteOf(r, PolicyResource::type, PolicyResource::name, p -> byUrn.get(p.parent())).orElse(null);
    }

    public static final List<Rule> ALL = List.of(MIN_TWO_SITES, MIN_TWO_PROVIDERS, PROVIDER_CAPACITY_SHARE, N_PLUS_ONE_CAPACITY,
            API_NOT_OPEN_TO_WORLD, PRODUCTION_NODE_POOLS, EXPLICIT_PROVIDER, KUBERNETES_OWN_SITE_PROVIDER, PRIVATE_NODES);

}
