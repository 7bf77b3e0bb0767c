package dev.multisite.stack.runbook;

import dev.multisite.topology.DnsAuthority;
import dev.multisite.topology.FailoverBudget;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether the failover plans of a stack can meet their targets now: a replica for every partition
 * (lag within the RPO where it can be read), N+1 capacity after losing each site, detection + TTL
 * within the RTO, and a reachable DNS authority. Every failing check is named.
 */
public final class FailoverEvaluation {
    public enum Status { PASS, FAIL, UNKNOWN }

    public record Check(String name, Status status, String detail) {
    }

    private FailoverEvaluation() {
    }

    /**
     * @param authorityReachable answers whether the zone's authority answers (a live DNS query), or null to leave it unchecked
     */
    public static List<Check> evaluate(Topology topology, Predicate<String> authorityReachable) {
        List<Check> checks = new ArrayList<>();
        var data = topology.data();
        if (data == null) {
            checks.add(new Check("replica", Status.UNKNOWN, "no data tier declared: nothing to fail over"));
        } else {
            for (var partition : FailoverPlan.writeAuthorities(data)) {
                var replica = FailoverPlan.replicaFor(topology, data, partition);
                String name = "replica[" + partition.name() + "]";
                checks.add(replica == null
                        ? new Check(name, Status.FAIL, "partition " + partition.name() + " (write authority " + partition.authority()
                                + ") has no replica to promote: losing " + partition.authority() + " loses its writes until a restore from backup")
                        : new Check(name, Status.PASS, "replica in " + replica.name() + " can be promoted"));
                checks.add(new Check("lag[" + partition.name() + "]", Status.UNKNOWN, "replication lag is not readable offline; the RPO target is "
                        + data.rpoSeconds() + " s (CloudWatch ReplicaLag, Cloud SQL replica_lag, Flexible Server physical_replication_delay_in_seconds)"));
            }
        }
        for (SiteSpec site : topology.sites()) {
            var capacity = Capacity.without(topology, site);
            checks.add(new Check("capacity[without " + site.name() + "]", topology.peakDemand() == null ? Status.UNKNOWN
                    : capacity.coversPeak() ? Status.PASS : Status.FAIL, capacity.describe()));
        }
        var traffic = topology.traffic();
        if (traffic == null) {
            checks.add(new Check("rto", Status.UNKNOWN, "no traffic block: no RTO declared"));
        } else {
            var authority = DnsAuthority.of(topology).global();
            var budget = FailoverBudget.of(authority.backend(), traffic);
            checks.add(new Check("rto", budget.worstCaseSeconds() <= traffic.rtoSeconds() ? Status.PASS : Status.FAIL,
                    "detection + propagation + TTL: " + budget.arithmetic() + " against rtoSeconds " + traffic.rtoSeconds()));
            checks.add(authorityReachable == null
                    ? new Check("dns-authority", Status.UNKNOWN, "not checked (offline); " + authority.name() + " is served by "
                    + RunbookFacts.label(authority.backend().kind()))
                    : authorityReachable.test(authority.name())
                    ? new Check("dns-authority", Status.PASS, authority.name() + " answers (SOA)")
                    : new Check("dns-authority", Status.FAIL, authority.name() + ": no SOA answer from its authority"));
        }
        return checks;
    }

    public static boolean passed(List<Check> checks) {
        return checks.stream().noneMatch(c -> c.status() == Status.FAIL);
    }
}
