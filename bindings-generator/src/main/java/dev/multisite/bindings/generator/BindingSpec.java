package dev.multisite.bindings.generator;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * One spec file (components/src/main/bindings/*.yaml): the bindings of one provider package, each
 * input written once. Types are Java source types ({@code String}, {@code Integer},
 * {@code List<String>}, {@code Output<String>}, a nested type by its simple name or as
 * {@code Binding.Type}); an input typed {@code Output<..>} is one another resource produces, any
 * other is plain (the SDK wraps it).
 *
 * @param pluginVersion the {@code PluginVersions} constant every resource of the file is pinned to
 */
public record BindingSpec(String pluginVersion, List<Resource> resources) {

    /**
     * A custom resource binding.
     *
     * @param className     the binding's class in {@code dev.multisite.bindings}
     * @param token         the provider's type token
     * @param doc           Javadoc, naming the upstream schema it follows
     * @param secretOutputs outputs the engine keeps secret ({@code additionalSecretOutputs})
     * @param types         nested input types, declared before {@code args}
     * @param args          the resource's inputs ({@code Args})
     */
    public record Resource(@JsonProperty("class") String className, String token, String doc, List<String> secretOutputs,
                           List<Exported> outputs, List<InputType> types, InputType args) {
        public Resource {
            secretOutputs = orEmpty(secretOutputs);
            outputs = orEmpty(outputs);
            types = orEmpty(types);
        }
    }

    /**
     * A string output the binding reads back, with an accessor of its name.
     *
     * @param secret the accessor marks the value secret (the engine already keeps it so in state)
     */
    public record Exported(String name, String doc, boolean secret) {
    }

    /**
     * A class of inputs: {@code Args} or a nested input type.
     *
     * @param name         the nested class's simple name ({@code Args} when absent)
     * @param isAbstract   an abstract base of other input types, which {@code permits} them
     * @param extendsType  the input type this one extends (its inputs are inherited)
     * @param constructors how callers build it; an input no constructor sets is absent (null)
     * @param factories    named static factories, each calling a constructor
     */
    public record InputType(String name, String doc, @JsonProperty("abstract") boolean isAbstract,
                            @JsonProperty("extends") String extendsType, List<String> permits, List<Input> inputs,
                            List<Constructor> constructors, List<Factory> factories) {
        public InputType {
            name = name == null ? "Args" : name;
            permits = orEmpty(permits);
            inputs = orEmpty(inputs);
            constructors = orEmpty(constructors);
            factories = orEmpty(factories);
        }
    }

    /**
     * One {@code @Import} field.
     *
     * @param value a constant: the Java expression the field is initialized with, never set by a constructor
     */
    public record Input(String name, String type, boolean required, String value, String doc) {
    }

    /**
     * A constructor.
     *
     * @param params    {@code "name"} for a parameter that is an input (numbers and booleans taken
     *                  primitive), or {@code "name Type"}
     * @param superArgs the arguments passed to the extended input type's constructor
     * @param assign    input name to the Java expression it is set to; a parameter named as an input
     *                  not listed here sets that input
     */
    public record Constructor(@JsonProperty("private") boolean isPrivate, String doc, List<String> params,
                              List<String> superArgs, Map<String, String> assign) {
        public Constructor {
            params = orEmpty(params);
            superArgs = orEmpty(superArgs);
            assign = assign == null ? Map.of() : assign;
        }
    }

    /** A static factory returning {@code new <type>(args...)}; parameters as a constructor's. */
    public record Factory(String name, String doc, List<String> params, List<String> args) {
        public Factory {
            params = orEmpty(params);
            args = orEmpty(args);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
