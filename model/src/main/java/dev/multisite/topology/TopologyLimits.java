package dev.multisite.topology;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Size limits every topology value must meet, checked on the raw tree before it is bound to
 * records: no string, mapping key or number can be larger than anything a cloud API accepts, so a
 * 1 MB "region" is refused here instead of flowing into resource names. Field-specific shapes
 * (region patterns, name lengths) are checked by the validators; this is the backstop for every
 * other string.
 */
public final class TopologyLimits {
    /** Longest string value or mapping key: a DNS name (RFC 1035), the longest name any field holds. */
    public static final int MAX_STRING = 253;
    /** Fields that legitimately hold longer text: a Git URL and a repository path. */
    static final Map<String, Integer> LONGER = Map.of("repoUrl", 2048, "path", 1024);
    /** The largest number any field takes: the top of the 32-bit private ASN range. */
    static final long MAX_NUMBER = 4_294_967_294L;
    /** Longest string quoted back in a message. */
    private static final int QUOTED = 40;

    private TopologyLimits() {
    }

    /** Adds one problem per value over its limit. */
    static void check(JsonNode root, Problems problems) {
        walk(root, "", "", problems);
    }

    private static void walk(JsonNode node, String path, String field, Problems problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var entry = it.next();
                if (entry.getKey().length() > MAX_STRING) {
                    problems.add(path.isEmpty() ? "multisite:topology" : path, "key '" + quote(entry.getKey()) + "' is "
                            + entry.getKey().length() + " characters; keys are at most " + MAX_STRING);
                    continue;
                }
                walk(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), entry.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode name = node.get(i).get("name");
                boolean named = name != null && name.isTextual() && !name.asText().isEmpty() && name.asText().length() <= QUOTED;
                walk(node.get(i), path + "[" + (named ? name.asText() : String.valueOf(i)) + "]", field, problems);
            }
        } else if (node.isTextual()) {
            int limit = LONGER.getOrDefault(field, MAX_STRING);
            if (node.asText().length() > limit) {
                problems.add(path, "'" + quote(node.asText()) + "' is " + node.asText().length() + " characters; at most " + limit + " are allowed here");
            }
        } else if (node.isBigInteger() || node.isBigDecimal()) {
            problems.add(path, quote(node.asText()) + " is too large; no field takes a number above " + MAX_NUMBER);
        }
    }

    /** The start of a long value, enough to recognise it without echoing a megabyte. */
    public static String quote(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "...";
    }
}
