package dev.multisite.parts;

/** What a part of a fleet-mode stack holds. */
public enum PartKind {
    /** The fleet's root and what no site owns and sites need: the mesh CA. */
    SHARED,
    /** The AWS Cloud WAN core network (slow to create: it starts with the sites, not after them). */
    WAN,
    /** The AWS sites' attachments to the core network, once it and their Transit Gateways exist. */
    WAN_ATTACHMENTS,
    /** One site: its cluster, network half, Cilium, ExternalDNS and health app. */
    SITE,
    /** Every inter-site VPN link and peering, and their pre-shared keys. */
    LINKS,
    /** Global DNS, health checks and load balancers. */
    TRAFFIC,
    /** Argo CD, cluster registrations and ApplicationSets. */
    GITOPS,
    /** The database instances, on the sites of the providers that hold a write primary. */
    DATA,
    /** What every site is told of the data tier (its write and read hosts, its credential reference). */
    DATA_ENDPOINTS
}
