package dev.multisite.standins;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The resources of two {@code pulumi preview --json} documents side by side, by URN: which are in
 * only one, and for those in both, where type, parent or inputs differ. A value the real preview
 * does not know yet (the unknown sentinel: it comes from a resource not created yet) is not a
 * difference: the offline plan knows it because its engine answers at once; it is counted apart.
 */
final class PreviewComparison {
    final Map<String, JsonNode> offline;
    final Map<String, JsonNode> real;
    final List<String> onlyOffline = new ArrayList<>();
    final List<String> onlyReal = new ArrayList<>();
    /** One line per differing field: {@code <type> <field>: offline <value> / real <value> (<urn>)}. */
    final List<String> differences = new ArrayList<>();
    int unknownInReal;

    private PreviewComparison(JsonNode offlineDoc, JsonNode realDoc) {
        offline = byUrn(offlineDoc);
        real = byUrn(realDoc);
        new TreeSet<>(offline.keySet()).forEach(u -> {
            if (!real.containsKey(u)) {
                onlyOffline.add(u);
            }
        });
        new TreeSet<>(real.keySet()).forEach(u -> {
            if (!offline.containsKey(u)) {
                onlyReal.add(u);
            }
        });
        for (String urn : new TreeSet<>(offline.keySet())) {
            JsonNode o = offline.get(urn);
            JsonNode r = real.get(urn);
            if (r == null) {
                continue;
            }
            String type = o.path("type").asText();
            compare(urn, type, "type", o.path("type"), r.path("type"));
            compare(urn, type, "parent", o.path("parent"), r.path("parent"));
            compare(urn, type, "inputs", o.path("inputs"), r.path("inputs"));
        }
    }

    static PreviewComparison of(JsonNode offlineDoc, JsonNode realDoc) {
        return new PreviewComparison(offlineDoc, realDoc);
    }

    /** The differing fields with the resource left out: {@code <type> <field>}, each once. */
    TreeSet<String> differingFields() {
        TreeSet<String> out = new TreeSet<>();
        differences.forEach(d -> out.add(d.substring(0, d.indexOf(": offline "))));
        return out;
    }

    private void compare(String urn, String type, String path, JsonNode o, JsonNode r) {
        if (r.isTextual() && PropertyValues.UNKNOWN.equals(r.asText())) {
            unknownInReal++;
            return;
        }
        if (o.isObject() && r.isObject()) {
            var keys = new TreeSet<String>();
            o.fieldNames().forEachRemaining(keys::add);
            r.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                compare(urn, type, path + "." + k, o.path(k), r.path(k));
            }
            return;
        }
        if (o.isArray() && r.isArray() && o.size() == r.size()) {
            for (int i = 0; i < o.size(); i++) {
                compare(urn, type, path + "[]", o.get(i), r.get(i));
            }
            return;
        }
        if (!o.equals(r)) {
            differences.add(type + " " + path + ": offline " + brief(o) + " / real " + brief(r) + " (" + urn + ")");
        }
    }

    private static String brief(JsonNode n) {
        String s = n.isMissingNode() ? "(absent)" : n.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    /** Resource count by type, for the report. */
    static Map<String, Integer> countByType(Map<String, JsonNode> states) {
        Map<String, Integer> out = new TreeMap<>();
        states.values().forEach(s -> out.merge(s.path("type").asText(), 1, Integer::sum));
        return out;
    }

    private static Map<String, JsonNode> byUrn(JsonNode doc) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<JsonNode> it = doc.path("steps").elements(); it.hasNext(); ) {
            JsonNode step = it.next();
            JsonNode state = step.path("newState");
            if (state.isObject()) {
                out.put(step.path("urn").asText(), state);
            }
        }
        return out;
    }
}
