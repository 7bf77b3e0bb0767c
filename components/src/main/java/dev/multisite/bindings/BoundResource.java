package dev.multisite.bindings;

import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * What every binding of a custom resource registers the same way: its provider's type token, the
 * plugin version the binding is written against ({@link PluginVersions}), and the outputs that
 * hold key material, which the engine is told to keep secret ({@code additionalSecretOutputs}).
 *
 * <p>Each binding's {@code Args} declares its inputs as {@code @Import(name, required)} fields:
 * the SDK collects the fields so annotated, in the class and its superclasses, and wraps a value
 * that is not an {@code Output} in one (pulumi-java 1.36.1 {@code InputArgs.toMapAsync},
 * {@code ImportMetadata.getFieldOutput}, {@code Reflection.allFields}). So an input known when the
 * program runs is a plain field, a constant input is initialized where it is declared, and only an
 * input produced by another resource is an {@code Output}; a null field is an absent input.
 */
abstract class BoundResource extends CustomResource {

    /** @param secretOutputs the outputs the engine keeps secret in state and in every output derived from them */
    BoundResource(String type, String name, ResourceArgs args, CustomResourceOptions options, String pluginVersion,
                  String... secretOutputs) {
        super(type, name, args, PluginVersions.pinned(secretOutputs.length == 0 ? options : CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().additionalSecretOutputs(List.of(secretOutputs)).build()), pluginVersion));
    }
}
