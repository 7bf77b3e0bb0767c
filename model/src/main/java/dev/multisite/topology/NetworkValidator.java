package dev.multisite.topology;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.multisite.topology.Problems.sitePath;

/**
 * Invariants of the inter-site network: private, unique BGP ASNs, valid hub choices, a VPN
 * endpoint for every {@code existing} site, room for the Azure gateway subnet, enough link-local
 * inside networks, and a path between every pair of sites over the link graph.
 */
final class NetworkValidator {
    static final long PRIVATE_16_FIRST = 64512;
    static final long PRIVATE_16_LAST = 65534;
    static final long PRIVATE_32_FIRST = 4_200_000_000L;
    static final long PRIVATE_32_LAST = 4_294_967_294L;
    /** ASNs Azure keeps for itself; an Azure VPN gateway rejects them. */
    static final Set<Long> AZURE_RESERVED_ASNS = Set.of(65515L, 65517L, 65518L, 65519L, 65520L);
    /** The widest Azure vnet that still leaves a /27 GatewaySubnet in the layout's spare sixteenth. */
    static final int AZURE_NARROWEST_VNET = 23;
    private static final List<Cidr> NOT_PUBLIC = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3")
            .stream().map(Cidr::parse).toList();

    private NetworkValidator() {
    }

    static void validate(Topology topology, Problems problems) {
        validateAsns(topology, problems);
        var interconnect = topology.network().interconnect();
        if (!interconnect.enabled()) {
            if (topology.mesh().enabled() && topology.mesh().apiserverExposure() == MeshOptions.Exposure.LOADBALANCER) {
                problems.add("network.interconnect.enabled", "false, but mesh.apiserverExposure loadbalancer is an internal load balancer "
                        + "that only the interconnect reaches; enable the interconnect or expose the apiservers with nodeport");
            }
            return;
        }
        validateHubs(topology, interconnect, problems);
        interconnect.sameProviderLinks().forEach((provider, mode) -> {
            if (!CloudProvider.keysWhere(CloudProvider.Facts::canPeer).contains(provider)) {
                problems.add("network.interconnect.sameProviderLinks." + provider, "'" + provider
                        + "' has no choice here; set it for " + CloudProvider.describeWhere(CloudProvider.Facts::canPeer)
                        + " (aws sites always join through Cloud WAN)");
            } else if (!InterconnectSettings.VPN.equals(mode) && !InterconnectSettings.PEERING.equals(mode)) {
                problems.add("network.interconnect.sameProviderLinks." + provider, "'" + mode + "' is not allowed; use vpn or peering");
            }
        });
        Set<String> hubNames = InterconnectHubs.of(topology).values().stream().flatMap(List::stream).map(SiteSpec::name)
                .collect(Collectors.toSet());
        for (int i = 0; i < topology.sites().size(); i++) {
            SiteSpec site = topology.sites().get(i);
            // A switch expression: a new provider does not compile until it is decided whether its
            // sites bring a VPN device of their own (existing.vpn) instead of a cloud gateway.
            final int index = i;
            Runnable device = switch (site.provider()) {
                case EXISTING -> () -> validateVpn(site, index, hubNames, problems);
                case AWS, GCP, AZURE -> () -> { };
            };
            device.run();
            if (site.provider() == CloudProvider.AWS && site.region() != null && CloudProvider.AWS.facts().region().matcher(site.region()).matches()
                    && !CloudWanPolicy.EDGE_REGIONS.contains(site.region())) {
                problems.add(sitePath(site, i, "region"), site.region() + " is not a Region AWS Cloud WAN serves, and every aws site's"
                        + " Transit Gateway joins the core network at an edge in its Region; choose one of the Regions in AWS's"
                        + " \"AWS Cloud WAN endpoints and quotas\" (e.g. us-east-1, eu-west-1), or turn the interconnect off");
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        var graph = InterconnectGraph.of(topology);
        for (int i = 0; i < topology.sites().size(); i++) {
            SiteSpec site = topology.sites().get(i);
            if (site.provider() == CloudProvider.AZURE && graph.hasTunnels(site.name())
                    && site.network().vpcCidr().prefixLength() > AZURE_NARROWEST_VNET) {
                problems.add(sitePath(site, i, "network.vpcCidr"), site.network().vpcCidr() + " leaves no /27 GatewaySubnet for the VPN gateway; "
                        + "use /" + AZURE_NARROWEST_VNET + " or wider for azure sites with a VPN gateway");
            }
        }
        if (graph.azureInsideNetworkCount() > InterconnectGraph.MAX_AZURE_INSIDE_NETWORKS) {
            problems.add("network.interconnect", graph.azureInsideNetworkCount() + " tunnels to Azure need a /30 BGP inside network but "
                    + "169.254.21.0/24 and 169.254.22.0/24 (the ranges Azure accepts for APIPA BGP) hold " + InterconnectGraph.MAX_AZURE_INSIDE_NETWORKS + "; attach existing sites to fewer hubs (existing.vpn.attachTo)");
        }
        Set<String> isolated = topology.sites().stream().map(SiteSpec::name).filter(n -> graph.linksOf(n).isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        isolated.forEach(n -> problems.add("sites[" + n + "]", "is isolated: no inter-site link reaches it, so the mesh and the database"
                + " cannot cross to it" + (topology.site(n).orElseThrow().provider() == CloudProvider.EXISTING
                ? "; list at least one hub in existing.vpn.attachTo" : "")));
        graph.unreachable().forEach((from, to) -> {
            var missing = to.stream().filter(t -> !isolated.contains(t)).toList();
            if (!isolated.contains(from) && !missing.isEmpty()) {
                problems.add("sites[" + from + "]", "has no path to " + String.join(", ", missing) + " over the interconnect links");
            }
        });
        if (problems.isEmpty()) {
            validateSharedFate(topology, graph, interconnect, problems);
        }
    }

    /**
     * No region's loss may cut surviving sites off from each other, and a provider's two hubs must
     * be in two regions, unless a site of that region carries a waiver; a waiver must waive something.
     */
    private static void validateSharedFate(Topology topology, InterconnectGraph graph, InterconnectSettings interconnect, Problems problems) {
        Set<String> needed = new HashSet<>();
        graph.hubsSharingARegion().forEach((provider, pair) -> {
            Set<String> region = graph.regionOf(pair.get(0).name());
            needed.addAll(region);
            if (region.stream().noneMatch(interconnect::waives)) {
                problems.add("network.interconnect.hubs." + provider.key(), pair.get(0).name() + " and " + pair.get(1).name() + " are both in "
                        + pair.get(0).region() + ", so one region outage takes both " + provider.key() + " hubs; list two hubs in different regions"
                        + " (add a " + provider.key() + " site in another region), or " + InterconnectSettings.WAIVER_HINT + pair.get(0).name() + ": <reason>");
            }
        });
        graph.sharedFate().forEach((site, cut) -> {
            Set<String> region = graph.regionOf(site);
            needed.addAll(region);
            if (region.stream().noneMatch(interconnect::waives)) {
                problems.add("sites[" + site + "]", "losing it (with its region " + graph.site(site).region() + ") cuts " + String.join(", ", cut)
                        + " off from the other sites; attach them to a second hub (network.interconnect.hubs, existing.vpn.attachTo),"
                        + " or " + InterconnectSettings.WAIVER_HINT + site + ": <reason>");
            }
        });
        interconnect.waivers().forEach((site, reason) -> {
            String path = "network.interconnect.waivers." + site;
            if (topology.site(site).isEmpty()) {
                problems.add(path, "'" + site + "' is not a site; a waiver names the site whose region's loss it accepts");
            } else if (reason == null || reason.isBlank()) {
                problems.add(path, "needs a reason (a non-empty string): why losing this site's region may cut others off");
            } else if (!needed.contains(site)) {
                problems.add(path, "waives nothing: losing " + site + "'s region cuts no site off and takes no provider's two hubs; remove it");
            }
        });
    }

    private static void validateAsns(Topology topology, Problems problems) {
        Map<Long, String> owners = new HashMap<>();
        for (int i = 0; i < topology.sites().size(); i++) {
            SiteSpec site = topology.sites().get(i);
            String path = sitePath(site, i, "network.asn");
            long asn = site.asn();
            String how = site.network().asn() == null ? " (the default 64512 + mesh.clusterId)" : "";
            boolean isPrivate = (asn >= PRIVATE_16_FIRST && asn <= PRIVATE_16_LAST) || (asn >= PRIVATE_32_FIRST && asn <= PRIVATE_32_LAST);
            boolean sixteenBitOnly = site.provider().facts().sixteenBitAsnOnly();
            if (!isPrivate) {
                problems.add(path, asn + how + " is not a private ASN; use 64512..65534 or 4200000000..4294967294");
            } else if (sixteenBitOnly && asn > PRIVATE_16_LAST) {
                problems.add(path, asn + " is a 32-bit ASN; for " + site.provider().key()
                        + " sites use 64512..65534 (the provider SDK's ASN field is a 32-bit signed integer)");
            } else if (asn >= CloudWanPolicy.FIRST_EDGE_ASN && asn <= CloudWanPolicy.LAST_EDGE_ASN) {
                problems.add(path, asn + " is kept for the AWS Cloud WAN core network edges (" + CloudWanPolicy.FIRST_EDGE_ASN + ".."
                        + CloudWanPolicy.LAST_EDGE_ASN + "); choose another private ASN");
            } else if (site.provider() == CloudProvider.AZURE && AZURE_RESERVED_ASNS.contains(asn)) {
                problems.add(path, asn + how + " is reserved by Azure; an Azure VPN gateway rejects 65515 and 65517..65520");
            }
            String owner = owners.putIfAbsent(asn, site.name());
            if (owner != null) {
                problems.add(path, asn + how + " is already the ASN of " + owner + "; every site needs its own ASN so BGP does not drop its routes as a loop");
            }
        }
    }

    private static void validateHubs(Topology topology, InterconnectSettings interconnect, Problems problems) {
        interconnect.hubs().forEach((provider, names) -> {
            String path = "network.interconnect.hubs." + provider;
            if (!CloudProvider.keysWhere(CloudProvider.Facts::hasHub).contains(provider)) {
                problems.add(path, "'" + provider + "' has no hub; hubs are set for " + CloudProvider.describeWhere(CloudProvider.Facts::hasHub));
                return;
            }
            if (names.isEmpty() || names.size() > InterconnectGraph.HUBS_PER_PROVIDER) {
                problems.add(path, names.size() + " sites listed; list one or two " + provider + " sites (the preferred hub first), e.g. ["
                        + sitesOf(topology, provider) + "]");
                return;
            }
            if (names.size() == 2 && names.get(0).equals(names.get(1))) {
                problems.add(path, "'" + names.get(0) + "' is listed twice; the two hubs must be two sites");
            }
            for (String name : names) {
                var site = topology.site(name);
                if (site.isEmpty()) {
                    problems.add(path, "'" + name + "' is not a site; use " + sitesOf(topology, provider));
                } else if (!site.get().provider().key().equals(provider)) {
                    problems.add(path, "'" + name + "' is a " + site.get().provider().key() + " site; the " + provider + " hubs must be among " + sitesOf(topology, provider));
                }
            }
        });
    }

    private static String sitesOf(Topology topology, String provider) {
        var names = topology.sites().stream().filter(s -> s.provider().key().equals(provider)).map(SiteSpec::name).toList();
        return names.isEmpty() ? "(no " + provider + " sites)" : String.join(", ", names);
    }

    private static void validateVpn(SiteSpec site, int i, Set<String> hubs, Problems problems) {
        VpnEndpoint vpn = site.existing() == null ? null : site.existing().vpn();
        if (vpn == null) {
            problems.add(sitePath(site, i, "existing.vpn"), "required while network.interconnect is enabled; set publicIp (the site's VPN device) "
                    + "so the hubs can build tunnels to it, otherwise the site is isolated");
            return;
        }
        if (vpn.publicIp() == null) {
            problems.add(sitePath(site, i, "existing.vpn.publicIp"), "required; the static public IPv4 address of the site's VPN device");
        } else if (!isPublicIpv4(vpn.publicIp())) {
            problems.add(sitePath(site, i, "existing.vpn.publicIp"), "'" + vpn.publicIp() + "' is not a public IPv4 address; the clouds' VPN gateways must reach it over the internet");
        }
        if (vpn.attachTo() != null) {
            vpn.attachTo().stream().filter(h -> !hubs.contains(h)).forEach(h -> problems.add(sitePath(site, i, "existing.vpn.attachTo"),
                    "'" + h + "' is not a hub; use " + String.join(", ", hubs.stream().sorted().toList())));
        }
    }

    static boolean isPublicIpv4(String text) {
        Cidr host;
        try {
            host = Cidr.parse(text + "/32");
        } catch (RuntimeException e) {
            return false;
        }
        return NOT_PUBLIC.stream().noneMatch(range -> range.contains(host));
    }
}
