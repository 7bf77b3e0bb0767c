package dev.multisite.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.multisite.policy.EnforcementLevel.MANDATORY;
import static dev.multisite.policy.Rules.resource;
import static dev.multisite.policy.Rules.stack;
import static dev.multisite.policy.Rules.unless;

/** Rules about the inter-site network: node ingress stays private, BGP speakers stay distinct. */
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
            Map.of(), (r, c) -> {
                List<String> sources = switch (r.type()) {
                    case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" -> List.of(r.input("cidrIpv4").asText(""));
                    case "aws:ec2/securityGroup:SecurityGroup" -> texts(r.input("ingress"), "cidrBlocks");
                    case "gcp:compute/firewall:Firewall" -> r.input("direction").asText("INGRESS").equals("INGRESS")
                            ? texts(r.input("sourceRanges"), null) : List.of();
                    case "azure-native:network:SecurityRule" -> r.input("direction").asText().equals("Inbound") && r.input("access").asText().equals("Allow")
                            ? concat(r.input("sourceAddressPrefix").asText(""), texts(r.input("sourceAddressPrefixes"), null)) : List.of();
                    default -> List.of();
                };
                return unless(sources.stream().noneMatch(WORLD::contains), r.urn(), r.name() + " admits " + String.join(", ",
                        sources.stream().filter(WORLD::contains).distinct().toList()), "admit the other sites' ranges only");
            });

    public static final Rule UNIQUE_BGP_ASNS = stack("unique-bgp-asns", MANDATORY,
            "Every BGP speaker of the interconnect (Transit Gateway, Cloud Router, Azure VPN gateway) has its own ASN.",
            "BGP drops routes whose AS path already holds its own ASN: two sites with one ASN cannot learn each other's ranges.",
            "give every site a unique sites[].network.asn",
            Map.of(), (s, c) -> {
                Map<Long, String> owners = new HashMap<>();
                List<Rule.Finding> findings = new ArrayList<>();
                for (PolicyResource r : s.resources()) {
                    JsonNode asn = switch (r.type()) {
                        case "aws:ec2transitgateway/transitGateway:TransitGateway" -> r.input("amazonSideAsn");
                        case "gcp:compute/router:Router" -> r.input("bgp.asn");
                        case "azure-native:network:VirtualNetworkGateway" -> r.input("bgpSettings.asn");
                        default -> null;
                    };
                    if (asn == null || !asn.isNumber()) {
                        continue;
                    }
                    String other = owners.putIfAbsent(asn.asLong(), r.name());
                    if (other != null) {
                        findings.add(new Rule.Finding(r.urn(), r.name() + " has ASN " + asn.asLong() + ", also used by " + other,
                                "give every site a unique sites[].network.asn"));
                    }
                }
                return findings;
            });

    public static final List<Rule> ALL = List.of(NO_WORLD_INGRESS, UNIQUE_BGP_ASNS);

    private static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> {
                if (field == null) {
                    out.add(n.asText());
                } else {
                    n.path(field).forEach(v -> out.add(v.asText()));
                }
            });
        }
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
