package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * {@code gcp:dns/recordSet:RecordSet} at {@link PluginVersions#GCP_CLOUD_DNS}: a record set in a
 * Cloud DNS managed zone, either plain ({@code rrdatas}) or with a routing policy whose items are
 * health-checked external endpoints. Inputs as that version's schema names them (types/input.d.ts
 * of @pulumi/gcp 8.41.1: RecordSetRoutingPolicy {@code healthCheck}, {@code wrrs}, {@code geos},
 * {@code primaryBackup}; each item's {@code healthCheckedTargets.externalEndpoints}). One routing
 * policy per record set (Cloud DNS "Configure DNS routing policies and health checks").
 */
@ResourceType(type = GcpRecordSet.TYPE)
public final class GcpRecordSet extends CustomResource {
    public static final String TYPE = "gcp:dns/recordSet:RecordSet";

    /** {@code healthCheckedTargets}: the external endpoints (IP addresses) the policy's health check watches. */
    public static final class Targets extends ResourceArgs {
        @Import(name = "externalEndpoints")
        private final Output<List<String>> externalEndpoints;

        public Targets(List<String> externalEndpoints) {
            this.externalEndpoints = Output.of(List.copyOf(externalEndpoints));
        }
    }

    /** {@code wrrs[]}: a weighted item. */
    public static final class Wrr extends ResourceArgs {
        @Import(name = "weight", required = true)
        private final Output<Double> weight;
        @Import(name = "healthCheckedTargets")
        private final Output<Targets> healthCheckedTargets;

        public Wrr(double weight, Targets targets) {
            this.weight = Output.of(weight);
            this.healthCheckedTargets = Output.of(targets);
        }
    }

    /** {@code geos[]} and {@code primaryBackup.backupGeos[]}: the item for one Google Cloud region. */
    public static final class Geo extends ResourceArgs {
        @Import(name = "location", required = true)
        private final Output<String> location;
        @Import(name = "healthCheckedTargets")
        private final Output<Targets> healthCheckedTargets;

        public Geo(String location, Targets targets) {
            this.location = Output.of(location);
            this.healthCheckedTargets = Output.of(targets);
        }
    }

    /** {@code primaryBackup}: the primary's endpoints, then the backup geolocation items. */
    public static final class PrimaryBackup extends ResourceArgs {
        @Import(name = "primary", required = true)
        private final Output<Targets> primary;
        @Import(name = "backupGeos", required = true)
        private final Output<List<Geo>> backupGeos;

        public PrimaryBackup(Targets primary, List<Geo> backupGeos) {
            this.primary = Output.of(primary);
            this.backupGeos = Output.of(List.copyOf(backupGeos));
        }
    }

    /** {@code routingPolicy}: exactly one of wrrs, geos or primaryBackup, and the health check. */
    public static final class RoutingPolicy extends ResourceArgs {
        @Import(name = "healthCheck")
        private final Output<String> healthCheck;
        @Import(name = "wrrs")
        private final Output<List<Wrr>> wrrs;
        @Import(name = "geos")
        private final Output<List<Geo>> geos;
        @Import(name = "primaryBackup")
        private final Output<PrimaryBackup> primaryBackup;

        private RoutingPolicy(Output<String> healthCheck, List<Wrr> wrrs, List<Geo> geos, PrimaryBackup primaryBackup) {
            this.healthCheck = healthCheck;
            this.wrrs = wrrs == null ? null : Output.of(List.copyOf(wrrs));
            this.geos = geos == null ? null : Output.of(List.copyOf(geos));
            this.primaryBackup = primaryBackup == null ? null : Output.of(primaryBackup);
        }

        public static RoutingPolicy weighted(Output<String> healthCheck, List<Wrr> wrrs) {
            return new RoutingPolicy(healthCheck, wrrs, null, null);
        }

        public static RoutingPolicy geo(Output<String> healthCheck, List<Geo> geos) {
            return new RoutingPolicy(healthCheck, null, geos, null);
        }

        public static RoutingPolicy failover(Output<String> healthCheck, PrimaryBackup primaryBackup) {
            return new RoutingPolicy(healthCheck, null, null, primaryBackup);
        }
    }

    public static final class Args extends ResourceArgs {
        @Import(name = "project")
        private final Output<String> project;
        @Import(name = "managedZone", required = true)
        private final Output<String> managedZone;
        @Import(name = "name", required = true)
        private final Output<String> name;
        @Import(name = "type", required = true)
        private final Output<String> type;
        @Import(name = "ttl")
        private final Output<Integer> ttl;
        @Import(name = "rrdatas")
        private final Output<List<String>> rrdatas;
        @Import(name = "routingPolicy")
        private final Output<RoutingPolicy> routingPolicy;

        /** A routed record set; {@code fqdn} without the trailing dot (added here, as Cloud DNS names end with one). */
        public static Args routed(String project, String managedZone, String fqdn, String type, int ttlSeconds, RoutingPolicy policy) {
            return new Args(project, managedZone, fqdn, type, ttlSeconds, null, policy);
        }

        /** A plain record set of fixed data, e.g. the NS records of a delegation. */
        public static Args plain(String project, String managedZone, String fqdn, String type, int ttlSeconds, Output<List<String>> rrdatas) {
            return new Args(project, managedZone, fqdn, type, ttlSeconds, rrdatas, null);
        }

        private Args(String project, String managedZone, String fqdn, String type, int ttlSeconds, Output<List<String>> rrdatas,
                     RoutingPolicy policy) {
            this.project = Output.of(project);
            this.managedZone = Output.of(managedZone);
            this.name = Output.of(fqdn.endsWith(".") ? fqdn : fqdn + ".");
            this.type = Output.of(type);
            this.ttl = Output.of(ttlSeconds);
            this.rrdatas = rrdatas;
            this.routingPolicy = policy == null ? null : Output.of(policy);
        }
    }

    public GcpRecordSet(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, PluginVersions.pinned(options, PluginVersions.GCP_CLOUD_DNS));
    }
}
