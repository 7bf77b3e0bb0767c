package dev.multisite.policy.rules;

import dev.multisite.policy.PolicyResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Values that must be unique across resources (Cilium cluster ids, BGP ASNs, ExternalDNS owner
 * ids): each resource's value, and which resource had it first, in plan order.
 */
final class UniqueValues {
    private UniqueValues() {
    }

    /**
     * One resource's value.
     *
     * @param earlier the name of the first resource with the same value; null when this one is the first
     */
    record Claim<V>(PolicyResource resource, V value, String earlier) {
        boolean taken() {
            return earlier != null;
        }
    }

    /** Every resource's claim on its value, in order; a resource whose value is null claims nothing. */
    static <V> List<Claim<V>> claims(List<PolicyResource> resources, Function<PolicyResource, V> value) {
        Map<V, String> first = new HashMap<>();
        List<Claim<V>> claims = new ArrayList<>();
        for (PolicyResource r : resources) {
            V v = value.apply(r);
            if (v != null) {
                claims.add(new Claim<>(r, v, first.putIfAbsent(v, r.name())));
            }
        }
        return claims;
    }
}
