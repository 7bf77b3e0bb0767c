package dev.multisite.topology;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Which sites are the interconnect's hubs, and which hubs an {@code existing} site's device attaches to. */
final class InterconnectHubs {
    private InterconnectHubs() {
    }

    /**
     * The hubs of each provider with cloud sites, preferred first: {@code network.interconnect.hubs},
     * completed to two (where the provider has two sites) by its first declared site, then its
     * first site in a region no chosen hub is in, else its next site (the validator then asks for
     * a waiver). A configured name that is no site of the provider is skipped (the validator
     * reports it).
     */
    static Map<CloudProvider, List<SiteSpec>> of(Topology topology) {
        var chosen = topology.network().interconnect().hubs();
        Map<CloudProvider, List<SiteSpec>> hubs = new EnumMap<>(CloudProvider.class);
        for (CloudProvider provider : CloudProvider.values()) {
            List<SiteSpec> candidates = topology.sites().stream().filter(s -> s.provider() == provider).toList();
            if (!provider.facts().hasHub() || candidates.isEmpty()) {
                continue;
            }
            List<SiteSpec> picked = new ArrayList<>();
            for (String name : chosen.getOrDefault(provider.key(), List.of())) {
                candidates.stream().filter(s -> s.name().equals(name) && !picked.contains(s)).findFirst().ifPresent(picked::add);
            }
            while (picked.size() < Math.min(InterconnectGraph.HUBS_PER_PROVIDER, candidates.size())) {
                candidates.stream().filter(s -> !picked.contains(s))
                        .filter(s -> picked.stream().noneMatch(h -> h.region().equals(s.region())))
                        .findFirst()
                        .or(() -> candidates.stream().filter(s -> !picked.contains(s)).findFirst())
                        .ifPresent(picked::add);
            }
            hubs.put(provider, picked);
        }
        return hubs;
    }

    /**
     * The hubs an {@code existing} site's device keeps tunnels to: {@code existing.vpn.attachTo},
     * else the first hub of every provider, plus second hubs while that is fewer than two hubs.
     */
    static List<SiteSpec> attachmentsOf(VpnEndpoint vpn, Map<CloudProvider, List<SiteSpec>> hubs) {
        List<SiteSpec> all = hubs.values().stream().flatMap(List::stream).toList();
        if (vpn.attachTo() != null) {
            return all.stream().filter(h -> vpn.attachTo().contains(h.name())).toList();
        }
        List<SiteSpec> out = new ArrayList<>(hubs.values().stream().map(list -> list.get(0)).toList());
        for (SiteSpec hub : all) {
            if (out.size() >= InterconnectGraph.HUBS_PER_PROVIDER) {
                break;
            }
            if (!out.contains(hub)) {
                out.add(hub);
            }
        }
        return out;
    }
}
