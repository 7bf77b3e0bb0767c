package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;

/**
 * The {@code data} block: PostgreSQL with one write primary (per partition) and read replicas.
 * Getters return null for an absent key.
 */
public final class DataArgs extends ResourceArgs {

    /** {@code primary-replica} (default) or {@code partitioned}. */
    @Import(name = "mode", required = false)
    private String mode;

    /** Engine and major version; default PostgreSQL 16. */
    @Import(name = "engine", required = false)
    private DataEngineArgs engine;

    /** Primary-replica mode, and required there: the site of the write primary. */
    @Import(name = "primary", required = false)
    private String primary;

    /**
     * Primary-replica mode: the sites that get a read replica. In the stack file this key is a
     * union, the string {@code all} or a list of site names; here null (absent) means {@code all},
     * every other site (the parser's default), and a list names the sites. {@link FleetArgs#fromTopology}
     * turns {@code all} into null and {@link FleetArgs#topologyTree()} leaves a null out.
     */
    @Import(name = "replicas", required = false)
    private List<String> replicas;

    /** Partitioned mode, and required there: each partition with exactly one authoritative site. */
    @Import(name = "partitions", required = false)
    private List<PartitionArgs> partitions;

    /**
     * Provider ({@code aws}, {@code gcp}, {@code azure}) to the database instance class; default each
     * provider's own.
     */
    @Import(name = "instanceClass", required = false)
    private Map<String, String> instanceClass;

    /** Allocated storage; default 100 (at least 20). */
    @Import(name = "storageGb", required = false)
    private Integer storageGb;

    /** Default 7 (1..35). */
    @Import(name = "backupRetentionDays", required = false)
    private Integer backupRetentionDays;

    /** The declared recovery point objective for a regional loss; default 60. */
    @Import(name = "rpoSeconds", required = false)
    private Integer rpoSeconds;

    /** Database name; default {@code app}. */
    @Import(name = "database", required = false)
    private String database;

    /** A replica site to make the new primary on the next {@code pulumi up}. */
    @Import(name = "promote", required = false)
    private String promote;

    public DataArgs() {
    }

    public String mode() {
        return mode;
    }

    public DataEngineArgs engine() {
        return engine;
    }

    public String primary() {
        return primary;
    }

    public List<String> replicas() {
        return replicas;
    }

    public List<PartitionArgs> partitions() {
        return partitions;
    }

    public Map<String, String> instanceClass() {
        return instanceClass;
    }

    public Integer storageGb() {
        return storageGb;
    }

    public Integer backupRetentionDays() {
        return backupRetentionDays;
    }

    public Integer rpoSeconds() {
        return rpoSeconds;
    }

    public String database() {
        return database;
    }

    public String promote() {
        return promote;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final DataArgs args = new DataArgs();

        public Builder mode(String mode) {
            args.mode = mode;
            return this;
        }

        public Builder engine(DataEngineArgs engine) {
            args.engine = engine;
            return this;
        }

        public Builder primary(String primary) {
            args.primary = primary;
            return this;
        }

        public Builder replicas(List<String> replicas) {
            args.replicas = replicas;
            return this;
        }

        public Builder partitions(List<PartitionArgs> partitions) {
            args.partitions = partitions;
            return this;
        }

        public Builder instanceClass(Map<String, String> instanceClass) {
            args.instanceClass = instanceClass;
            return this;
        }

        public Builder storageGb(Integer storageGb) {
            args.storageGb = storageGb;
            return this;
        }

        public Builder backupRetentionDays(Integer backupRetentionDays) {
            args.backupRetentionDays = backupRetentionDays;
            return this;
        }

        public Builder rpoSeconds(Integer rpoSeconds) {
            args.rpoSeconds = rpoSeconds;
            return this;
        }

        public Builder database(String database) {
            args.database = database;
            return this;
        }

        public Builder promote(String promote) {
            args.promote = promote;
            return this;
        }

        public DataArgs build() {
            return args;
        }
    }
}
