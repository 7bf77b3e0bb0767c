package dev.multisite.policy.rules;


import com.fasterxml.jackson.databind.JsonNode;
import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.Rule;
import dev.multisite.topology.Cidr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.multisite.catalog.ResourceTypes.*;
import static dev.multisite.policy.EnforcementLevel.MANDATORY;
import static dev.multisite.policy.Rules.stack;

/** Rules about the mesh, re-checked on the planned resources (not only on the config). */
public final class MeshRules {
    private MeshRules() {
    }

    public static final Rule UNIQUE_CLUSTER_IDS = stack("unique-mesh-cluster-ids", MANDATORY,
            "Every Cilium release has a cluster.id in 1..255 used by no other release.",
            "Duplicate cluster ids make Cluster Mesh identities collide: traffic and policy go to the wrong cluster.",
            "give every site a unique sites[].mesh.clusterId in 1..255",
            Map.of(), List.of(HELM_RELEASE), (s, c) -> UniqueValues.claims(HelmReleases.of(s, "cilium"), r -> r.input("values.cluster.id").asInt(0))
                    .stream().filter(id -> id.value() < 1 || id.value() > 255 || id.taken())
                    .map(id -> new Rule.Finding(id.resource().urn(), id.resource().name() + " has cluster.id " + id.value()
                            + (id.taken() ? ", also used by " + id.earlier() : ""), "give every site a unique sites[].mesh.clusterId in 1..255"))
                    .toList());

    public static final Rule DISJOINT_POD_CIDRS = stack("disjoint-pod-cidrs", MANDATORY,
            "The pod ranges the clusters are built with do not overlap.",
            "Overlapping pod CIDRs make cross-site pod addresses ambiguous: the mesh cannot route them.",
            "give every site a disjoint network.podCidr",
            Map.of(), List.of(GCP_SUBNETWORK, AKS_CLUSTER, HELM_RELEASE, SITES), (s, c) -> {
                // Per site: a site's own resources (GKE range, Cilium pool) rightly share its pod CIDR.
                List<String> siteNames = s.sites().stream().map(PolicyResource::name).toList();
                Map<String, String> cidrs = new HashMap<>();
                for (PolicyResource r : s.resources()) {
                    String owner = siteNames.stream().filter(n -> r.name().startsWith(n + "-"))
                            .max(java.util.Comparator.comparingInt(String::length)).orElse(r.name());
                    switch (r.type()) {
                        case GCP_SUBNETWORK -> r.elements("secondaryIpRanges").forEach(range -> {
                            if (range.input("rangeName").asText().equals("pods")) {
                                cidrs.put(owner, range.input("ipCidrRange").asText());
                            }
                        });
                        case AKS_CLUSTER -> {
                            if (r.input("networkProfile.podCidr").isTextual()) {
                                cidrs.put(owner, r.input("networkProfile.podCidr").asText());
                            }
                        }
                        case HELM_RELEASE -> {
                            JsonNode pools = r.input("values.ipam.operator.clusterPoolIPv4PodCIDRList");
                            if (pools.isArray() && !pools.isEmpty()) {
                                cidrs.put(owner, pools.get(0).asText());
                            }
                        }
                        default -> {
                        }
                    }
                }
                List<Rule.Finding> findings = new ArrayList<>();
                var entries = new ArrayList<>(cidrs.entrySet());
                entries.sort(Map.Entry.comparingByKey());
                for (int i = 0; i < entries.size(); i++) {
                    for (int j = i + 1; j < entries.size(); j++) {
                        if (overlaps(entries.get(i).getValue(), entries.get(j).getValue())) {
                            findings.add(new Rule.Finding("", entries.get(i).getKey() + " pod range " + entries.get(i).getValue() + " overlaps "
                                    + entries.get(j).getKey() + " " + entries.get(j).getValue(), "give every site a disjoint network.podCidr"));
                        }
                    }
                }
                return findings;
            });

    public static final List<Rule> ALL = List.of(UNIQUE_CLUSTER_IDS, DISJOINT_POD_CIDRS);

    /** Overlap by the model's CIDR maths; a value that is not a CIDR (or not known yet) overlaps nothing. */
    private static boolean overlaps(String a, String b) {
        try {
            return Cidr.parse(a).overlaps(Cidr.parse(b));
        } catch (IllegalArgumentException notACidr) {
            return false;
        }
    }
}
