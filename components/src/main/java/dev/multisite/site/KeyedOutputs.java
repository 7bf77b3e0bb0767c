package dev.multisite.site;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One map output from parallel lists of keys and outputs, e.g. site name -> cluster endpoint. */
public final class KeyedOutputs {
    private KeyedOutputs() {
    }

    public static Output<Map<String, String>> of(List<String> keys, List<Output<String>> values) {
        List<String> names = List.copyOf(keys);
        return Output.all(values).applyValue(resolved -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), resolved.get(i));
            }
            return map;
        });
    }

    /** Keyed by the map's own keys, in its iteration order. */
    public static Output<Map<String, String>> of(Map<String, Output<String>> byKey) {
        return of(List.copyOf(byKey.keySet()), List.copyOf(byKey.values()));
    }
}
