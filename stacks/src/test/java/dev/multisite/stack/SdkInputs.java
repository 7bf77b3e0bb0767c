package dev.multisite.stack;

import com.pulumi.core.annotations.Import;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * The input names a provider's own Java SDK declares for a resource: the generated
 * {@code <Resource>Args} class (or a binding's nested {@code Args}) names each input with
 * {@code @Import(name = ...)} as the provider schema spells it, and nests list and object inputs as
 * further {@code *Args} classes (pulumi-java's code generator; e.g. {@code SecurityGroupArgs.ingress}
 * is an {@code Output<List<SecurityGroupIngressArgs>>}).
 */
final class SdkInputs {
    private SdkInputs() {
    }

    /** Whether the dotted path ({@code list[].field} inside list elements) is an input of the resource class. */
    static boolean declares(Class<?> resource, String path) {
        Class<?> current = argsOf(resource);
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            Field field = importNamed(current, parts[i].replace("[]", ""));
            if (field == null) {
                return false;
            }
            Type type = unwrap(field.getGenericType());
            if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
                // A map input (tags, labels, Helm values): its keys are the user's, not the schema's.
                return true;
            }
            if (i < parts.length - 1) {
                if (!(type instanceof Class<?> nested)) {
                    return false;
                }
                current = nested;
            }
        }
        return true;
    }

    private static Class<?> argsOf(Class<?> resource) {
        for (String name : List.of(resource.getName() + "Args", resource.getName() + "$Args")) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException next) {
                // try the other naming
            }
        }
        throw new IllegalArgumentException("no Args class for " + resource.getName());
    }

    private static Field importNamed(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Import in = f.getAnnotation(Import.class);
                if (in != null && in.name().equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** {@code Output<List<X>>} and {@code Output<X>} to {@code X}; a map stays a map. */
    private static Type unwrap(Type type) {
        while (type instanceof ParameterizedType p && p.getRawType() != Map.class) {
            type = p.getActualTypeArguments()[0];
        }
        return type;
    }
}
