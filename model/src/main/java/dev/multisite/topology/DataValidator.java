package dev.multisite.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Invariants of the {@code data} block: exactly one write primary per partition (or for the stack),
 * primaries only where a managed PostgreSQL exists, replicas only on existing sites and never on
 * their own primary, and a promotion target that is a same-provider replica.
 */
final class DataValidator {
    private DataValidator() {
    }

    static void validate(Topology topology, Problems problems) {
        DataSettings d = topology.data();
        if (d == null) {
            return;
        }
        if (!d.engine().name().equals("postgresql")) {
            problems.add("data.engine.name", "'" + d.engine().name() + "' is not supported; only postgresql");
        }
        if (!d.engine().version().matches("1[2-7]")) {
            problems.add("data.engine.version", "'" + d.engine().version() + "' is not a supported PostgreSQL major version; use 12..17, e.g. \"16\"");
        }
        if (d.backupRetentionDays() < 1 || d.backupRetentionDays() > 35) {
            problems.add("data.backupRetentionDays", d.backupRetentionDays() + " is out of range; use 1..35 (backups must stay on)");
        }
        if (d.storageGb() < 20) {
            problems.add("data.storageGb", d.storageGb() + " is below 20 GB, the smallest size every provider accepts");
        }
        checkAzureVersion(topology, d, problems);
        if (d.mode() == DataSettings.Mode.PRIMARY_REPLICA) {
            if (!d.partitions().isEmpty()) {
                problems.add("data.partitions", "set in primary-replica mode; partitions need mode: partitioned");
            }
            if (d.primary() == null) {
                problems.add("data.primary", "required in primary-replica mode; the site of the one write primary");
            } else {
                checkAuthority(topology, d.primary(), "data.primary", problems);
                List<String> replicas = d.replicas().all() ? List.of() : d.replicas().sites();
                checkReplicas(topology, d.primary(), replicas, "data.replicas", problems);
                List<String> effective = d.replicas().all()
                        ? topology.sites().stream().map(SiteSpec::name).filter(n -> !n.equals(d.primary())).toList() : replicas;
                checkCloudSqlProjects(topology, d.primary(), effective, "data.replicas", problems);
            }
            checkPromotion(topology, d, problems);
        } else {
            if (d.primary() != null) {
                problems.add("data.primary", "set in partitioned mode; each partition names its own authority, so the stack has no single primary");
            }
            if (d.partitions().isEmpty()) {
                problems.add("data.partitions", "required in partitioned mode; at least one partition with a name and an authority site");
            }
            if (d.promote() != null) {
                problems.add("data.promote", "is for primary-replica mode; in partitioned mode change the partition's authority instead");
            }
            var partitions = new NamedItems("data.partitions", "[a-z][a-z0-9-]{0,19}", "; each partition has exactly one authority");
            for (int i = 0; i < d.partitions().size(); i++) {
                var p = d.partitions().get(i);
                String path = partitions.check(i, p.name(), problems);
                if (p.authority() == null) {
                    problems.add(path + ".authority", "required; the one site that takes this partition's writes");
                } else {
                    checkAuthority(topology, p.authority(), path + ".authority", problems);
                    checkReplicas(topology, p.authority(), p.replicas(), path + ".replicas", problems);
                    checkCloudSqlProjects(topology, p.authority(), p.replicas(), path + ".replicas", problems);
                }
            }
        }
    }

    /** The Flexible Server API version azure-native 2.x pins offers PostgreSQL 11..14 only. */
    static final int AZURE_MAX_VERSION = 14;

    private static void checkAzureVersion(Topology topology, DataSettings d, Problems problems) {
        List<String> writers = d.mode() == DataSettings.Mode.PARTITIONED
                ? d.partitions().stream().map(DataSettings.Partition::authority).toList() : java.util.Collections.singletonList(d.primary());
        boolean onAzure = writers.stream().map(w -> w == null ? null : topology.site(w).orElse(null))
                .anyMatch(s -> s != null && s.provider() == CloudProvider.AZURE);
        if (onAzure && d.engine().version().matches("\\d+") && Integer.parseInt(d.engine().version()) > AZURE_MAX_VERSION) {
            problems.add("data.engine.version", "'" + d.engine().version() + "' is not offered by the Azure Flexible Server API this project pins; "
                    + "use " + AZURE_MAX_VERSION + " or lower when a primary is on an azure site");
        }
    }

    private static void checkAuthority(Topology topology, String site, String path, Problems problems) {
        var spec = topology.site(site);
        if (spec.isEmpty()) {
            problems.add(path, "'" + site + "' is not a site of this stack; use one of " + topology.sites().stream().map(SiteSpec::name).toList());
        } else if (spec.get().provider() == CloudProvider.EXISTING) {
            problems.add(path, "'" + site + "' is an existing cluster; Multisite provisions managed PostgreSQL (RDS, Cloud SQL, Azure Flexible Server) only on aws, gcp or azure sites");
        }
    }

    private static void checkReplicas(Topology topology, String primary, List<String> replicas, String path, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (String replica : replicas) {
            if (topology.site(replica).isEmpty()) {
                problems.add(path, "'" + replica + "' is not a site of this stack");
            } else if (replica.equals(primary)) {
                problems.add(path, "'" + replica + "' is the primary of the same data; a site cannot be both primary and replica");
            } else if (!seen.add(replica)) {
                problems.add(path, "'" + replica + "' is listed twice");
            }
        }
    }

    /**
     * A Cloud SQL replica lives in its site's project and VPC. In another project than the primary
     * its {@code masterInstanceName} would need the {@code project:instance} form and its private
     * network a path to the primary's (Shared VPC), neither of which Multisite builds: rejected.
     */
    private static void checkCloudSqlProjects(Topology topology, String primary, List<String> replicas, String path, Problems problems) {
        var source = topology.site(primary).orElse(null);
        if (source == null || source.provider() != CloudProvider.GCP || source.gcp() == null) {
            return;
        }
        for (String replica : replicas) {
            var site = topology.site(replica).orElse(null);
            if (site != null && site.provider() == CloudProvider.GCP && site.gcp() != null
                    && site.gcp().project() != null && !site.gcp().project().equals(source.gcp().project())) {
                problems.add(path, "'" + replica + "' is in GCP project " + site.gcp().project() + " but the Cloud SQL primary on " + primary
                        + " is in " + source.gcp().project() + "; cross-project Cloud SQL replicas (master 'project:instance', Shared VPC)"
                        + " are not built: put both sites in one project or list only same-project sites as replicas");
            }
        }
    }

    private static void checkPromotion(Topology topology, DataSettings d, Problems problems) {
        if (d.promote() == null || d.primary() == null || topology.site(d.primary()).isEmpty()) {
            return;
        }
        var primary = topology.site(d.primary()).get();
        var target = topology.site(d.promote());
        boolean isReplica = target.isPresent() && !target.get().name().equals(primary.name())
                && (d.replicas().all() || d.replicas().sites().contains(d.promote()));
        if (!isReplica) {
            problems.add("data.promote", "'" + d.promote() + "' is not a replica of the primary " + primary.name() + "; promote one of its replicas");
        } else if (target.get().provider() != primary.provider()) {
            problems.add("data.promote", "'" + d.promote() + "' reads over the interconnect from " + primary.provider().key()
                    + " and has no " + primary.provider().key() + " replica to promote; promote a replica on " + primary.provider().key());
        }
    }
}
