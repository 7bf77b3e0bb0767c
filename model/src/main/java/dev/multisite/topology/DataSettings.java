package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} block: PostgreSQL with one write primary (per partition) and read replicas.
 *
 * @param mode                {@code primary-replica} (one primary for the stack) or {@code partitioned}
 * @param engine              engine and major version; only PostgreSQL
 * @param primary             primary-replica mode: the site of the write primary
 * @param replicas            primary-replica mode: {@code all} (every other site, the default) or a list of sites
 * @param partitions          partitioned mode: each partition with exactly one authoritative site
 * @param instanceClass       per provider instance class; defaults in {@link CloudProvider.Facts#defaultDatabaseClass()}
 * @param storageGb           allocated storage; default 100
 * @param backupRetentionDays default 7 (1..35)
 * @param rpoSeconds          the declared recovery point objective for a regional loss; default 60
 * @param database            database name; default {@code app}
 * @param promote             a replica site to make the new primary on the next {@code pulumi up}
 */
public record DataSettings(Mode mode, Engine engine, String primary, Replicas replicas, List<Partition> partitions,
                           Map<CloudProvider, String> instanceClass, Integer storageGb, Integer backupRetentionDays,
                           Integer rpoSeconds, String database, String promote) {

    public DataSettings {
        mode = mode == null ? Mode.PRIMARY_REPLICA : mode;
        engine = engine == null ? new Engine(null, null) : engine;
        replicas = replicas == null ? Replicas.ALL : replicas;
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
        instanceClass = instanceClass == null ? Map.of() : Map.copyOf(instanceClass);
        storageGb = storageGb == null ? 100 : storageGb;
        backupRetentionDays = backupRetentionDays == null ? 7 : backupRetentionDays;
        rpoSeconds = rpoSeconds == null ? 60 : rpoSeconds;
        database = database == null ? "app" : database;
    }

    public String instanceClassFor(CloudProvider provider) {
        return instanceClass.getOrDefault(provider, provider.facts().defaultDatabaseClass());
    }

    public enum Mode {
        PRIMARY_REPLICA, PARTITIONED;

        @JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** @param name {@code postgresql} (default); @param version major version, default {@code "16"} */
    public record Engine(String name, String version) {
        public Engine {
            name = name == null ? "postgresql" : name;
            version = version == null ? "16" : version;
        }
    }

    /**
     * One partition of the data: its writes go to exactly one site.
     *
     * @param name      partition name (e.g. {@code eu})
     * @param authority the site that is authoritative (holds the write primary)
     * @param replicas  sites that get a read replica of this partition; default none
     */
    public record Partition(@Required String name, @Required String authority, List<String> replicas) {
        public Partition {
            replicas = replicas == null ? List.of() : List.copyOf(replicas);
        }
    }

    /** {@code all} other sites, or an explicit list. */
    public record Replicas(boolean all, List<String> sites) {
        public static final Replicas ALL = new Replicas(true, List.of());

        @JsonCreator
        public static Replicas of(JsonNode node) {
            if (node.isTextual() && node.asText().equals("all")) {
                return ALL;
            }
            if (node.isArray()) {
                List<String> sites = new ArrayList<>();
                node.forEach(n -> sites.add(n.asText()));
                return new Replicas(false, sites);
            }
            throw new IllegalArgumentException("'" + node + "' is not allowed; use all, or a list of site names");
        }

        /** As the stack file says it: {@code all}, or the list. */
        @JsonValue
        public Object json() {
            return all ? "all" : sites;
        }
    }
}
