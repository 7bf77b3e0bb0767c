package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
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
public final class GcpRecordSet extends BoundResource {
    public static final String TYPE = "gcp:dns/recordSet:RecordSet";

    /** {@code healthCheckedTargets}: the external endpoints (IP addresses) the policy's health check watches. */
    public static final class Targets extends ResourceArgs {
        @Import(name = "externalEndpoints")
        private final List<String> externalEndpoints;

        public Targets(List<String> externalEndpoints) {
            this.externalEndpoints = List.copyOf(externalEndpoints);
        }
    }

    /** An item of a routing policy: what selects it (its subclass's input) and the endpoints its health check watches. */
    public abstract static sealed class Item extends ResourceArgs permits Wrr, Geo {
        @Import(name = "healthCheckedTargets")
        private final Targets healthCheckedTargets;

        private Item(Targets healthCheckedTargets) {
            this.healthCheckedTargets = healthCheckedTargets;
        }
    }

    /** {@code wrrs[]}: a weighted item. */
    public static final class Wrr extends Item {
        @Import(name = "weight", required = true)
        private final Double weight;

        public Wrr(double weight, Targets targets) {
            super(targets);
            this.weight = weight;
        }
    }

    /** {@code geos[]} and {@code primaryBackup.backupGeos[]}: the item for one Google Cloud region. */
    public static final class Geo extends Item {
        @Import(name = "location", required = true)
        private final String location;

        public Geo(String location, Targets targets) {
            super(targets);
            this.location = location;
        }
    }

    /** {@code primaryBackup}: the primary's endpoints, then the backup geolocation items. */
    public static final class PrimaryBackup extends ResourceArgs {
        @Import(name = "primary", required = true)
        private final Targets primary;
        @Import(name = "backupGeos", required = true)
        private final List<Geo> backupGeos;

        public PrimaryBackup(Targets primary, List<Geo> backupGeos) {
            this.primary = primary;
            this.backupGeos = List.copyOf(backupGeos);
        }
    }

    /** {@code routingPolicy}: exactly one of wrrs, geos or primaryBackup, and the health check. */
    public static final class RoutingPolicy extends ResourceArgs {
        @Import(name = "healthCheck")
        private final Output<String> healthCheck;
        @Import(name = "wrrs")
        private final List<Wrr> wrrs;
        @Import(name = "geos")
        private final List<Geo> geos;
        @Import(name = "primaryBackup")
        private final PrimaryBackup primaryBackup;

        private RoutingPolicy(Output<String> healthCheck, List<Wrr> wrrs, List<Geo> geos, PrimaryBackup primaryBackup) {
            this.healthCheck = healthCheck;
            this.wrrs = wrrs == null ? null : List.copyOf(wrrs);
            this.geos = geos == null ? null : List.copyOf(geos);
            this.primaryBackup = primaryBackup;
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

    /** Inputs as {@link BoundResource} describes them. */
    public static final class Args extends ResourceArgs {
        @Import(name = "project")
        private final String project;
        @Import(name = "managedZone", required = true)
        private final String managedZone;
        @Import(name = "name", required = true)
        private final String name;
        @Import(name = "type", required = true)
        private final String type;
        @Import(name = "ttl")
        private final Integer ttl;
        @Import(name = "rrdatas")
        private final Output<List<String>> rrdatas;
        @Import(name = "routingPolicy")
        private final RoutingPolicy routingPolicy;

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
            this.project = project;
            this.managedZone = managedZone;
            this.name = fqdn.endsWith(".") ? fqdn : fqdn + ".";
            this.type = type;
            this.ttl = ttlSeconds;
            this.rrdatas = rrdatas;
            this.routingPolicy = policy;
        }
    }

    public GcpRecordSet(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options, PluginVersions.GCP_CLOUD_DNS);
    }
}
