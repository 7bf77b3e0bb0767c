package dev.multisite.standins;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inputs a resource type accepts, read from the Args class of the pinned SDK jar (or of this
 * project's binding): each {@code @Import(name, required)} field and its Java type. The pulumi-java
 * code generator writes one such field per input property of the provider's schema, typed by the
 * schema's type (string, number, boolean, array, map, object type, enum, union as {@code Either};
 * pulumi/pulumi-java pkg/codegen/java/gen.go), so the Args class is the schema the jar was
 * generated from. Checking against it is what a real provider's {@code Check} does by type.
 */
final class DeclaredInputs {
    /** One input check that failed: the input's path and why. */
    record Failure(String property, String reason) {
    }

    private record Declared(Field field, boolean required) {
    }

    private static final Map<Class<?>, Map<String, Declared>> DECLARED = new ConcurrentHashMap<>();

    private final Class<?> argsClass;

    DeclaredInputs(Class<?> argsClass) {
        this.argsClass = argsClass;
    }

    /** Every input of {@code news} that the Args class does not declare, has the wrong JSON type, or is required and missing. */
    List<Failure> check(String urn, Struct news) {
        List<Failure> failures = new ArrayList<>();
        checkObject(urn, "", Value.newBuilder().setStructValue(news).build(), argsClass, failures);
        return failures;
    }

    private static void checkObject(String urn, String path, Value value, Class<?> args, List<Failure> failures) {
        Map<String, Declared> declared = declared(args);
        Map<String, Value> fields = value.getStructValue().getFieldsMap();
        for (var e : fields.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("__")) {
                continue; // engine bookkeeping such as __defaults, never a provider input
            }
            String at = path.isEmpty() ? name : path + "." + name;
            Declared d = declared.get(name);
            if (d == null) {
                failures.add(new Failure(at, urn + ": input " + at + " is not declared by " + args.getName()
                        + " (the pinned SDK's inputs here: " + String.join(", ", new TreeMap<>(declared).keySet()) + ")"));
                continue;
            }
            check(urn, at, e.getValue(), d.field().getGenericType(), args, failures);
        }
        declared.forEach((name, d) -> {
            if (d.required() && isMissing(fields.get(name))) {
                String at = path.isEmpty() ? name : path + "." + name;
                failures.add(new Failure(at, urn + ": required input " + at + " is missing (" + args.getName() + " declares it required)"));
            }
        });
    }

    private static boolean isMissing(Value v) {
        return v == null || v.hasNullValue();
    }

    private static void check(String urn, String path, Value value, Type type, Class<?> owner, List<Failure> failures) {
        if (value.hasNullValue() || PropertyValues.isUnknown(value)) {
            return; // optional and absent, or computed by another resource: known only at `up`
        }
        if (PropertyValues.isSecret(value)) {
            Value inner = value.getStructValue().getFieldsMap().get("value");
            if (inner != null) {
                check(urn, path, inner, type, owner, failures);
            }
            return;
        }
        Class<?> raw = raw(type);
        if (raw == Output.class) {
            if (type instanceof ParameterizedType p) {
                check(urn, path, value, p.getActualTypeArguments()[0], owner, failures);
            }
            return;
        }
        if (raw == Either.class && type instanceof ParameterizedType p) {
            List<Failure> left = new ArrayList<>();
            List<Failure> right = new ArrayList<>();
            check(urn, path, value, p.getActualTypeArguments()[0], owner, left);
            check(urn, path, value, p.getActualTypeArguments()[1], owner, right);
            if (!left.isEmpty() && !right.isEmpty()) {
                failures.addAll(left);
            }
            return;
        }
        String expected = expected(raw);
        if (expected == null) {
            return; // any (JsonElement, Object, assets): the schema does not constrain it
        }
        String actual = jsonType(value);
        if (!expected.equals(actual) && !(raw.isEnum() && (actual.equals("string") || actual.equals("number")))) {
            failures.add(new Failure(path, urn + ": input " + path + " is a " + actual + " but " + owner.getName()
                    + " declares " + describe(type)));
            return;
        }
        switch (expected) {
            case "array" -> {
                Type element = typeArgument(type, 0);
                List<Value> items = value.getListValue().getValuesList();
                for (int i = 0; i < items.size(); i++) {
                    check(urn, path + "[" + i + "]", items.get(i), element, owner, failures);
                }
            }
            case "object" -> {
                if (Map.class.isAssignableFrom(raw)) {
                    Type element = typeArgument(type, 1);
                    value.getStructValue().getFieldsMap().forEach((k, v) -> check(urn, path + "." + k, v, element, owner, failures));
                } else {
                    checkObject(urn, path, value, raw, failures);
                }
            }
            default -> {
            }
        }
    }

    /** The JSON type a Java type of an Args field stands for, or null for "any". */
    private static String expected(Class<?> raw) {
        if (raw == String.class || raw.isEnum()) {
            return "string";
        }
        if (Number.class.isAssignableFrom(raw) || raw == int.class || raw == double.class || raw == long.class) {
            return "number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(raw) || com.pulumi.resources.ResourceArgs.class.isAssignableFrom(raw)
                || com.pulumi.resources.InvokeArgs.class.isAssignableFrom(raw)) {
            return "object";
        }
        return null;
    }

    private static String jsonType(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> "string";
            case NUMBER_VALUE -> "number";
            case BOOL_VALUE -> "boolean";
            case LIST_VALUE -> "array";
            case STRUCT_VALUE -> PropertyValues.sigOf(value) == null ? "object" : "special value";
            default -> "null";
        };
    }

    private static String describe(Type type) {
        return type.getTypeName().replaceAll("[a-z0-9_]+\\.", "");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class; // wildcards and type variables: unconstrained
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Map<String, Declared> declared(Class<?> args) {
        return DECLARED.computeIfAbsent(args, c -> {
            Map<String, Declared> out = new TreeMap<>();
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    Import imp = f.getAnnotation(Import.class);
                    if (imp != null) {
                        out.putIfAbsent(imp.name().isEmpty() ? f.getName() : imp.name(), new Declared(f, imp.required()));
                    }
                }
            }
            return out;
        });
    }
}
