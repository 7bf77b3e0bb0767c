package dev.multisite.policy.rules;


import static dev.multisite.catalog.ResourceTypes.*;

import dev.multisite.policy.PolicyResource;
import dev.multisite.policy.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.multisite.policy.EnforcementLevel.MANDATORY;
import static dev.multisite.policy.Rules.resource;
import static dev.multisite.policy.Rules.stack;
import static dev.multisite.policy.Rules.unless;

/** Rules about the data tier: one write primary, protected and encrypted databases. */
public final class DataRules {
    private DataRules() {
    }


    /** Whether a database resource is a write primary (not a replica of another). */
    static boolean isPrimary(PolicyResource r) {
        if (label(r, "multisite-role").asText().equals("retired-primary")) {
            // A primary replaced by a promotion: fenced by the runbook's step, kept until retired by hand.
            return false;
        }
        return switch (r.type()) {
            case RDS_INSTANCE -> r.input("replicateSourceDb").asText("").isEmpty();
            case CLOUD_SQL_INSTANCE -> r.input("masterInstanceName").asText("").isEmpty();
            case FLEXIBLE_SERVER -> !r.input("createMode").asText("").equalsIgnoreCase("Replica");
            default -> false;
        };
    }

    static boolean isDatabase(PolicyResource r) {
        return r.type().equals(RDS_INSTANCE) || r.type().equals(CLOUD_SQL_INSTANCE) || r.type().equals(FLEXIBLE_SERVER);
    }

    static String partitionOf(PolicyResource r) {
        return label(r, "multisite-partition").asText("default");
    }

    /** A label the data tier puts on its databases: AWS and Azure tags, Cloud SQL user labels. */
    private static com.fasterxml.jackson.databind.JsonNode label(PolicyResource r, String key) {
        return switch (r.type()) {
            case RDS_INSTANCE, FLEXIBLE_SERVER -> r.input("tags." + key);
            case CLOUD_SQL_INSTANCE -> r.input("settings.userLabels." + key);
            default -> com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        };
    }

    public static final Rule ONE_WRITE_PRIMARY = stack("one-write-primary-per-partition", MANDATORY,
            "Each data partition has exactly one write primary.",
            "Two writable primaries for the same data is split brain by construction.",
            "make all but one database of a partition a replica",
            Map.of(), List.of(RDS_INSTANCE, CLOUD_SQL_INSTANCE, FLEXIBLE_SERVER), (s, c) -> {
                Map<String, List<String>> primaries = new HashMap<>();
                s.resources().stream().filter(DataRules::isDatabase).filter(DataRules::isPrimary)
                        .forEach(r -> primaries.computeIfAbsent(partitionOf(r), k -> new ArrayList<>()).add(r.name()));
                List<Rule.Finding> findings = new ArrayList<>();
                primaries.forEach((partition, names) -> {
                    if (names.size() > 1) {
                        findings.add(new Rule.Finding("", "partition " + partition + " has " + names.size() + " write primaries: " + names,
                                "make all but one a replica (data.primary / partitions[].authority)"));
                    }
                });
                return findings;
            });

    public static final Rule PRIMARY_PROTECTED = resource("database-primary-protected", MANDATORY,
            "Write primaries are encrypted, deletion-protected and Pulumi-protected.",
            "The primary holds the only writable copy of the data; one mistaken delete or plaintext disk is unrecoverable.",
            "keep storage encryption, deletion protection and protect on primaries",
            Map.of(), List.of(RDS_INSTANCE, CLOUD_SQL_INSTANCE, FLEXIBLE_SERVER), (r, c) -> {
                if (!isDatabase(r) || !isPrimary(r)) {
                    return List.of();
                }
                List<String> missing = new ArrayList<>();
                if (r.type().equals(RDS_INSTANCE) && !r.input("storageEncrypted").asBoolean(false)) {
                    missing.add("storage encryption");
                }
                boolean deletionProtection = r.type().equals(FLEXIBLE_SERVER) || r.input("deletionProtection").asBoolean(false);
                if (!deletionProtection) {
                    missing.add("deletion protection");
                }
                if (!r.protect()) {
                    missing.add("Pulumi protect");
                }
                return unless(missing.isEmpty(), r.urn(), "primary " + r.name() + " lacks " + String.join(", ", missing),
                        "DatabaseTopology sets these on primaries; do not override them");
            });

    public static final Rule REPLICA_ENCRYPTED = resource("database-replica-encrypted", MANDATORY,
            "Read replicas are encrypted.",
            "A replica holds the same data as the primary, in another region or provider.",
            "encrypt replicas with a KMS key in their own region",
            Map.of(), List.of(RDS_INSTANCE), (r, c) -> r.type().equals(RDS_INSTANCE) && !isPrimary(r)
                    ? unless(r.input("storageEncrypted").asBoolean(false) || !r.input("kmsKeyId").asText("").isEmpty(), r.urn(),
                    "replica " + r.name() + " is not encrypted", "set storageEncrypted with a KMS key in the replica's region")
                    : List.of());

    public static final List<Rule> ALL = List.of(ONE_WRITE_PRIMARY, PRIMARY_PROTECTED, REPLICA_ENCRYPTED);
}
