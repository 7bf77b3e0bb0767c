package dev.multisite.network;

import com.pulumi.core.annotations.Export;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A typed output's {@code @Export} fields as a map, in declaration order: the form a stack output
 * and {@code registerOutputs} take (the SDK's resource serializer writes maps, not typed objects),
 * while the package's Construct serializes the typed object itself, and its schema type is written from these fields.
 */
final class ExportedFields {
    private ExportedFields() {
    }

    static Map<String, Object> of(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : value.getClass().getDeclaredFields()) {
            Export export = field.getAnnotation(Export.class);
            if (export != null) {
                try {
                    field.setAccessible(true);
                    out.put(export.name().isEmpty() ? field.getName() : export.name(), field.get(value));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
