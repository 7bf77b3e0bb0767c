/**
 * The inter-site network: {@link dev.multisite.network.Interconnect} builds the links of the
 * {@link dev.multisite.topology.InterconnectGraph} (Cloud WAN between AWS sites,
 * IPsec with BGP everywhere else) and, through one {@link dev.multisite.network.SiteNetwork} per
 * cloud site, the gateways, routes to every remote range and the firewall rules the mesh needs.
 */
package dev.multisite.network;
