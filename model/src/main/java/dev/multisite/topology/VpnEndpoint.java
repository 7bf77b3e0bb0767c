package dev.multisite.topology;

import java.util.List;

/**
 * {@code sites[].existing.vpn}: the on-premises VPN device of an {@code existing} site. The cloud
 * side of its tunnels is provisioned; the device side is generated as documentation (stack output
 * {@code onPremVpn}). Its ASN is the site's {@code network.asn}; the ranges it announces over BGP are
 * the site's {@code network} ranges.
 *
 * @param publicIp the device's public IPv4 address (static)
 * @param attachTo the hub sites it keeps tunnels to; default every hub, so that losing one hub
 *                 does not cut the site off
 */
public record VpnEndpoint(String publicIp, List<String> attachTo) {
    public VpnEndpoint {
        attachTo = attachTo == null ? null : List.copyOf(attachTo);
    }
}
