package dev.multisite.standins;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's property values on the wire (a protobuf {@code Struct}) and the plain Java values
 * the offline planner works with. Secrets, unknowns and resource references are encoded as the
 * engine encodes them: a secret is an object whose signature key {@link #SIG} is {@link #SECRET_SIG}
 * with its {@code value}; an unknown during a preview is the string {@link #UNKNOWN}
 * (pulumi/pulumi sdk/go/common/resource/sig/sig.go and sdk/go/common/resource/plugin/rpc.go,
 * MarshalPropertyValue).
 */
final class PropertyValues {
    static final String SIG = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private PropertyValues() {
    }

    /** The plain values of {@code struct}: secrets unwrapped, unknowns left as {@link #UNKNOWN}. */
    static Map<String, Object> plain(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    static Object plain(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case STRING_VALUE -> value.getStringValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case LIST_VALUE -> {
                List<Object> list = new ArrayList<>();
                value.getListValue().getValuesList().forEach(v -> list.add(plain(v)));
                yield list;
            }
            case STRUCT_VALUE -> {
                Struct s = value.getStructValue();
                if (isSecret(value)) {
                    yield plain(s.getFieldsOrDefault("value", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build()));
                }
                yield plain(s);
            }
        };
    }

    /** Whole numbers as integers (the SDKs send every number as a double), others as doubles. */
    private static Object number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
            return (int) d;
        }
        return d;
    }

    static boolean isSecret(Value value) {
        return value.hasStructValue() && SECRET_SIG.equals(sigOf(value));
    }

    static boolean isUnknown(Value value) {
        return value.hasStringValue() && UNKNOWN.equals(value.getStringValue());
    }

    /** The signature of a special object (secret, resource reference, asset), or null for an ordinary one. */
    static String sigOf(Value value) {
        if (!value.hasStructValue()) {
            return null;
        }
        Value sig = value.getStructValue().getFieldsMap().get(SIG);
        return sig == null || !sig.hasStringValue() ? null : sig.getStringValue();
    }

    static Value unknown() {
        return Value.newBuilder().setStringValue(UNKNOWN).build();
    }

    static Struct struct(Map<String, ?> map) {
        Struct.Builder b = Struct.newBuilder();
        map.forEach((k, v) -> b.putFields(k, value(v)));
        return b.build();
    }

    static Value value(Object o) {
        if (o == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (o instanceof Map<?, ?> m) {
            Struct.Builder b = Struct.newBuilder();
            m.forEach((k, v) -> b.putFields(String.valueOf(k), value(v)));
            return Value.newBuilder().setStructValue(b).build();
        }
        if (o instanceof Iterable<?> list) {
            ListValue.Builder b = ListValue.newBuilder();
            list.forEach(v -> b.addValues(value(v)));
            return Value.newBuilder().setListValue(b).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(o)).build();
    }
}
