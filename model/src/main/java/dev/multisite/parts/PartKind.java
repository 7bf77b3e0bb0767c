package dev.multisite.parts;

/** What a part of a fleet-mode stack holds. */
public enum PartKind {
    /** The fleet's root and what no site owns and sites need: the mesh CA. */
    SHARED,
    /** The AWS Cloud WAN core network (slow to create, needed only by the links). */
    WAN,
    /** One site: its cluster, network half, Cilium, ExternalDNS and health app. */
    SITE,
    /** Every inter-site link, the pre-shared keys and the sites' Cloud WAN attachments. */
    LINKS,
    /** Global DNS, health checks and load balancers. */
    TRAFFIC,
    /** Argo CD, cluster registrations and ApplicationSets. */
    GITOPS,
    /** The database instances and every site's endpoints. */
    DATA
}
