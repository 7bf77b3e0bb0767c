package dev.multisite.policy.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.Rule;
import dev.multisite.topology.InterSitePort;
import dev.multisite.topology.InterconnectSettings;
import dev.multisite.topology.MeshOptions;
import dev.multisite.topology.Reachability;
import dev.multisite.topology.TopologyException;
import dev.multisite.topology.TopologyParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.multisite.catalog.ResourceTypes.*;
import static dev.multisite.policy.EnforcementLevel.ADVISORY;
import static dev.multisite.policy.EnforcementLevel.MANDATORY;
import static dev.multisite.policy.Rules.resource;
import static dev.multisite.policy.Rules.stack;
import static dev.multisite.policy.Rules.stackWide;
import static dev.multisite.policy.Rules.topologyStack;
import static dev.multisite.policy.Rules.unless;

/** Rules about the inter-site network: node ingress stays private, BGP speakers stay distinct, no site's loss cuts others off. */
public final class NetworkRules {
    private NetworkRules() {
    }

    /** Sources that mean "anyone on the internet" in each cloud's rule syntax. */
    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "*", "Internet", "any", "Any");

    public static final Rule NO_WORLD_INGRESS = resource("no-world-ingress", MANDATORY,
            "No security group, firewall or network security group rule admits the whole internet.",
            "Node ports opened for the mesh (health, VXLAN, WireGuard, clustermesh-apiserver) must reach only the other sites' ranges; "
                    + "open to the world they expose every node.",
            "admit the other sites' ranges only (the interconnect's prefix list / source ranges)",
            Map.of(), List.of(AWS_SG_INGRESS_RULE, AWS_SECURITY_GROUP, GCP_FIREWALL, AZURE_SECURITY_RULE), (r, c) -> {
                List<String> sources = switch (r.type()) {
                    case AWS_SG_INGRESS_RULE -> List.of(r.input("cidrIpv4").asText(""));
                    case AWS_SECURITY_GROUP -> r.elements("ingress").stream().flatMap(rule -> texts(rule.input("cidrBlocks")).stream()).toList();
                    case GCP_FIREWALL -> r.input("direction").asText("INGRESS").equals("INGRESS")
                            ? texts(r.input("sourceRanges")) : List.of();
                    case AZURE_SECURITY_RULE -> r.input("direction").asText().equals("Inbound") && r.input("access").asText().equals("Allow")
                            ? concat(r.input("sourceAddressPrefix").asText(""), texts(r.input("sourceAddressPrefixes"))) : List.of();
                    default -> List.of();
                };
                return unless(sources.stream().noneMatch(WORLD::contains), r.urn(), r.name() + " admits " + String.join(", ",
                        sources.stream().filter(WORLD::contains).distinct().toList()), "admit the other sites' ranges only");
            });

    public static final Rule UNIQUE_BGP_ASNS = stack("unique-bgp-asns", MANDATORY,
            "Every BGP speaker of the interconnect (Transit Gateway, Cloud Router, Azure VPN gateway) has its own ASN.",
            "BGP drops routes whose AS path already holds its own ASN: two sites with one ASN cannot learn each other's ranges.",
            "give every site a unique sites[].network.asn",
            Map.of(), List.of(TRANSIT_GATEWAY, GCP_ROUTER, AZURE_VPN_GATEWAY), (s, c) -> UniqueValues.claims(s.resources(), NetworkRules::asn).stream().filter(UniqueValues.Claim::taken)
                    .map(asn -> new Rule.Finding(asn.resource().urn(), asn.resource().name() + " has ASN " + asn.value() + ", also used by " + asn.earlier(),
                            "give every site a unique sites[].network.asn"))
                    .toList());

    /** A BGP speaker's ASN; null for other resources and for an ASN not known yet. */
    private static Long asn(PolicyResource r) {
        JsonNode asn = switch (r.type()) {
            case TRANSIT_GATEWAY -> r.input("amazonSideAsn");
            case GCP_ROUTER -> r.input("bgp.asn");
            case AZURE_VPN_GATEWAY -> r.input("bgpSettings.asn");
            default -> null;
        };
        return asn != null && asn.isNumber() ? asn.asLong() : null;
    }

    public static final Rule AWS_QUOTA_HEADROOM = stack("aws-quota-headroom", ADVISORY,
            "Each AWS site's routes to remote sites and its node ingress rules fit the VPC quotas.",
            "A prefix list counts as its entries against 'routes per route table' (default 50) and 'inbound rules per security group' "
                    + "(default 60); past them the interconnect's routes or the mesh's rules fail to apply.",
            "request the VPC quota increases (routes per route table, inbound rules per security group), then set this rule's limits",
            Map.of("routesPerRouteTable", 50, "inboundRulesPerSecurityGroup", 60), List.of(Rule.TOPOLOGY), (s, c) -> {
                JsonNode t = s.topology();
                int sites = t.path("sites").size();
                boolean aws = false;
                for (JsonNode site : t.path("sites")) {
                    aws |= site.path("provider").asText().equals("aws");
                }
                if (!aws || !t.path("network").path("interconnect").path("enabled").asBoolean(true)) {
                    return List.of();
                }
                // Per private route table: 3 ranges per remote site, the local route and the NAT default.
                int routes = 3 * (sites - 1) + 2;
                // On the EKS cluster security group: one rule per mesh port, each as many entries as remote sites, plus its own rule.
                int rules = meshPorts(t.path("mesh")) * (sites - 1) + 1;
                List<Rule.Finding> findings = new ArrayList<>();
                findings.addAll(unless(routes <= c.number("routesPerRouteTable"), "", "each AWS private route table needs " + routes
                        + " routes, above the limit of " + (int) c.number("routesPerRouteTable"), "raise the VPC quota 'routes per route table' to at least " + routes));
                findings.addAll(unless(rules <= c.number("inboundRulesPerSecurityGroup"), "", "each EKS cluster security group needs " + rules
                        + " inbound rule entries, above the limit of " + (int) c.number("inboundRulesPerSecurityGroup"),
                        "raise the VPC quota 'inbound rules per security group' to at least " + rules));
                return findings;
            });

    public static final Rule NO_CUT_SITE = parserFindings("interconnect-no-cut-site",
            "No site's loss (with its region) cuts other sites off the inter-site network, and no provider's two hubs share a region, unless waived.",
            "Active-active means losing any one site without degradation; a hub whose region takes other sites' private paths with it "
                    + "(mesh peering, remote-primary writes, replication) breaks that promise for every site behind it.",
            "attach the cut sites to a second hub (network.interconnect.hubs, existing.vpn.attachTo), or accept it with network.interconnect.waivers.<site>: <reason>",
            InterconnectSettings.WAIVER_HINT, "add a second hub path, or a named waiver");

    public static final Rule WAIVED_SHARED_FATE = topologyStack("interconnect-waived-shared-fate", ADVISORY,
            "Lists the shared fate the topology accepts with network.interconnect.waivers, so every preview shows it.",
            "A waiver keeps a known single point of failure in the network; it should stay visible until it is removed.",
            "remove the waiver once the cut sites have a second hub path",
            Map.of(), List.of(Rule.TOPOLOGY), (s, c) -> {
                JsonNode waivers = s.topology().path("network").path("interconnect").path("waivers");
                if (!waivers.isObject() || waivers.isEmpty() || !sharedFate(s.topology()).isEmpty()) {
                    return List.of();
                }
                var stripped = s.topology().deepCopy();
                ((ObjectNode) stripped.path("network").path("interconnect")).remove("waivers");
                List<Rule.Finding> findings = new ArrayList<>();
                waivers.fields().forEachRemaining(w -> sharedFate(stripped).stream()
                        .filter(problem -> problem.contains(InterconnectSettings.WAIVER_HINT + w.getKey() + ":"))
                        .forEach(problem -> findings.add(new Rule.Finding("", "waived (" + w.getValue().asText() + "): "
                                + problem.substring(0, problem.indexOf(';')), "remove the waiver once the cut sites have a second hub path"))));
                return findings;
            });

    public static final Rule EVERY_ENDPOINT_REACHABLE = parserFindings("every-endpoint-reachable",
            "Every data endpoint, mesh apiserver, health name and hub address a site is given has a route over the interconnect and a resolver that answers it.",
            "A site handed a name it cannot resolve or an address no route covers fails at run time, not at deploy time: the model's "
                    + "reachability check (Reachability) finds it before anything is created.",
            "announce the range (gcp.privateServicesCidr), keep Cloud SQL off VPC-peered paths, or give the site a resolver for the name",
            Reachability.MARKER, "see the missing piece the line names");

    public static final List<Rule> ALL = List.of(NO_WORLD_INGRESS, UNIQUE_BGP_ASNS, AWS_QUOTA_HEADROOM, NO_CUT_SITE, WAIVED_SHARED_FATE,
            EVERY_ENDPOINT_REACHABLE);

    /**
     * A mandatory rule on the topology that reports, one finding each, the parser's problems that
     * carry {@code marker}: the model decides them once, and the rule repeats them on previews.
     */
    private static Rule parserFindings(String name, String description, String why, String fix, String marker, String findingFix) {
        return topologyStack(name, MANDATORY, description, why, fix, Map.of(), List.of(Rule.TOPOLOGY),
                (s, c) -> stackWide(parserProblems(s.topology(), marker), findingFix));
    }

    /**
     * The topology's unwaived shared fate, as the parser words it (the one place that decides it:
     * {@code InterconnectGraph} through the network validator).
     */
    static List<String> sharedFate(JsonNode topology) {
        return parserProblems(topology, InterconnectSettings.WAIVER_HINT);
    }

    /**
     * The parser's problems with the topology that contain {@code marker}: empty when the topology is
     * valid, and for topologies refused for other reasons only (other rules and the parser report those).
     */
    private static List<String> parserProblems(JsonNode topology, String marker) {
        if (!topology.isObject()) {
            return List.of();
        }
        try {
            TopologyParser.parse(topology);
            return List.of();
        } catch (TopologyException e) {
            return e.problems().stream().filter(p -> p.contains(marker)).toList();
        }
    }

    private static final ObjectMapper MESH = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** How many inter-site node ports the mesh opens: the model's own list ({@link InterSitePort#required}). */
    static int meshPorts(JsonNode mesh) {
        MeshOptions options;
        try {
            options = mesh.isObject() ? MESH.treeToValue(mesh, MeshOptions.class) : MeshOptions.defaults();
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            options = MeshOptions.defaults();
        }
        return InterSitePort.required(options).size();
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>(rest);
        if (!first.isEmpty()) {
            out.add(first);
        }
        return out;
    }
}
