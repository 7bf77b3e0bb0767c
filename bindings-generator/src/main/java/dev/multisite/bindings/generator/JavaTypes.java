package dev.multisite.bindings.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The Java types a spec names, resolved as the binding's own source would resolve them. */
final class JavaTypes {
    private static final Map<String, TypeName> KNOWN = Map.of(
            "int", TypeName.INT, "boolean", TypeName.BOOLEAN, "double", TypeName.DOUBLE,
            "String", ClassName.get(String.class), "Integer", ClassName.get(Integer.class),
            "Boolean", ClassName.get(Boolean.class), "Double", ClassName.get(Double.class),
            "List", ClassName.get(List.class), "Map", ClassName.get(Map.class),
            "Output", ClassName.get("com.pulumi.core", "Output"));

    private JavaTypes() {
    }

    /**
     * @param type  e.g. {@code Output<List<String>>}, {@code Header}, {@code CloudflareLoadBalancerMonitor.Header}
     * @param owner the binding being written: a simple name not known here is its nested type
     */
    static TypeName of(String type, ClassName owner) {
        var source = type.strip();
        int open = source.indexOf('<');
        if (open < 0) {
            return simple(source, owner);
        }
        var raw = (ClassName) simple(source.substring(0, open), owner);
        var arguments = new ArrayList<TypeName>();
        for (String argument : topLevelArguments(source.substring(open + 1, source.lastIndexOf('>')))) {
            arguments.add(of(argument, owner));
        }
        return ParameterizedTypeName.get(raw, arguments.toArray(TypeName[]::new));
    }

    private static TypeName simple(String name, ClassName owner) {
        var known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        var parts = name.split("\\.");
        return parts.length == 1 ? owner.nestedClass(name)
                : ClassName.get(owner.packageName(), parts[0], Arrays.copyOfRange(parts, 1, parts.length));
    }

    /** {@code "String, List<String>"} to its two arguments: commas inside brackets belong to an argument. */
    private static List<String> topLevelArguments(String arguments) {
        var result = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                result.add(arguments.substring(start, i));
                start = i + 1;
            }
        }
        result.add(arguments.substring(start));
        return result;
    }
}
