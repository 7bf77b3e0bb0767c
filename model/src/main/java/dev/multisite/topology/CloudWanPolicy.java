package dev.multisite.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The core network policy of the stack's AWS Cloud WAN, which joins the AWS sites' Transit
 * Gateways: one edge per AWS region with sites, one segment every Transit Gateway route table
 * attachment joins without manual acceptance. Shape from AWS's "one segment, one Region" example
 * and the policy reference (version 2021.12; ASNs from 64512-65534 or 4200000000-4294967294):
 * https://docs.aws.amazon.com/network-manager/latest/cloudwan/cloudwan-policy-examples-one-segment-region.html,
 * https://docs.aws.amazon.com/network-manager/latest/cloudwan/cloudwan-policies-json.html
 */
public final class CloudWanPolicy {
    /** Private 32-bit ASNs kept for the core network edges, so no site's ASN can collide with one (a BGP loop). */
    public static final long FIRST_EDGE_ASN = 4_294_967_000L;
    public static final long LAST_EDGE_ASN = 4_294_967_294L;
    public static final String SEGMENT = "sites";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudWanPolicy() {
    }

    /**
     * The commercial Regions where Cloud WAN can place a core network edge, from AWS General
     * Reference, "AWS Cloud WAN endpoints and quotas" (docs.aws.amazon.com/general/latest/gr/cloudwan.html,
     * "AWS Cloud WAN is available in the following Regions"). A Region missing here fails the
     * policy attachment at {@code pulumi up}; add it once AWS lists it.
     */
    public static final java.util.Set<String> EDGE_REGIONS = java.util.Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ca-central-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-central-1", "me-south-1", "sa-east-1");

    /** The regions that need a core network edge: those of the AWS sites, in declaration order. */
    public static List<String> edgeRegions(Topology topology) {
        return topology.sites().stream().filter(s -> s.provider() == CloudProvider.AWS).map(SiteSpec::region).distinct().toList();
    }

    /** The policy document, as the JSON text {@code CoreNetworkPolicyAttachment} takes. */
    public static String document(Topology topology) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("version", "2021.12");
        ObjectNode core = doc.putObject("core-network-configuration");
        core.putArray("asn-ranges").add(FIRST_EDGE_ASN + "-" + LAST_EDGE_ASN);
        var edges = core.putArray("edge-locations");
        edgeRegions(topology).forEach(region -> edges.addObject().put("location", region));
        doc.putArray("segments").addObject().put("name", SEGMENT).put("require-attachment-acceptance", false);
        ObjectNode rule = doc.putArray("attachment-policies").addObject();
        rule.put("rule-number", 100);
        rule.put("condition-logic", "and");
        rule.putArray("conditions").addObject().put("type", "any");
        rule.putObject("action").put("association-method", "constant").put("segment", SEGMENT);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
