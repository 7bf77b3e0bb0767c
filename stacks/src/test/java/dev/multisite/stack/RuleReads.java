package dev.multisite.stack;

import dev.multisite.catalog.ResourceTypes;
import dev.multisite.policy.InputReads;
import dev.multisite.policy.PolicyConfig;
import dev.multisite.policy.PolicyPack;
import dev.multisite.policy.Rule;
import dev.multisite.policy.StackView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the rules read of some judged stacks: per (rule, resource type, input path), whether the
 * path held a value on at least one resource of that type. {@link #gaps} says where a read finds
 * nothing, which is how a renamed input or a switched-off provider branch shows.
 */
record RuleReads(Map<Key, Boolean> resolved) {

    /** A path one rule reads on one resource type. */
    record Key(String rule, String type, String path) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return rule + " reads " + type + " " + path;
        }
    }

    RuleReads {
        resolved = new TreeMap<>(resolved);
    }

    /** Judges every view with the default configuration and records every input a rule reads. */
    static RuleReads of(List<StackView> views) {
        Map<Key, Boolean> resolved = new TreeMap<>();
        InputReads.recording(read -> resolved.merge(new Key(read.rule(), read.type(), read.path()), read.resolved(), Boolean::logicalOr), () -> {
            views.forEach(view -> PolicyPack.evaluate(view, PolicyConfig.DEFAULTS));
            return null;
        });
        return new RuleReads(resolved);
    }

    /** The same reads with some of them changed (the tests' mutations): {@code edit} returns null to drop a read. */
    RuleReads with(java.util.function.BiFunction<Key, Boolean, Map.Entry<Key, Boolean>> edit) {
        Map<Key, Boolean> out = new TreeMap<>();
        resolved.forEach((key, value) -> {
            var changed = edit.apply(key, value);
            if (changed != null) {
                out.merge(changed.getKey(), changed.getValue(), Boolean::logicalOr);
            }
        });
        return new RuleReads(out);
    }

    /**
     * Where the reads find nothing: a path that resolves on no resource of its type, and a rule
     * that selects a planned type but reads nothing of it (its branch for that type is off). The
     * inputs in {@code unsetInExamples} are read to catch violations no example commits: each must
     * be read, and still unset. Provider resources are selected for structure (which provider a
     * resource uses), not for their inputs.
     */
    List<String> gaps(List<Rule> rules, Set<String> plannedTypes, Set<Key> unsetInExamples) {
        List<String> gaps = new ArrayList<>();
        resolved.forEach((key, found) -> {
            if (!found && !unsetInExamples.contains(key)) {
                gaps.add(key + ", which no planned resource of that type has");
            }
            if (found && unsetInExamples.contains(key)) {
                gaps.add(key + ", which is set in the examples now: no longer list it as unset");
            }
        });
        unsetInExamples.stream().filter(key -> !resolved.containsKey(key)).sorted()
                .forEach(key -> gaps.add("no longer true that " + key + " (listed as unset in the examples)"));
        Predicate<String> inputsMatter = type -> !ResourceTypes.matches(ResourceTypes.PROVIDERS, type);
        for (Rule rule : rules) {
            for (String type : exactTypes(rule)) {
                boolean readsIt = resolved.entrySet().stream().anyMatch(e -> e.getKey().rule().equals(rule.name())
                        && e.getKey().type().equals(type) && (e.getValue() || unsetInExamples.contains(e.getKey())));
                if (plannedTypes.contains(type) && inputsMatter.test(type) && !readsIt) {
                    gaps.add(rule.name() + " selects " + type + " but reads no input of it that a planned resource has");
                }
            }
        }
        return gaps;
    }

    /** The exact type tokens a rule selects (not patterns, not the topology). */
    static Set<String> exactTypes(Rule rule) {
        Set<String> out = new LinkedHashSet<>();
        rule.selects().stream().filter(p -> !p.equals(Rule.TOPOLOGY) && !p.endsWith("*")).forEach(out::add);
        return out;
    }
}
