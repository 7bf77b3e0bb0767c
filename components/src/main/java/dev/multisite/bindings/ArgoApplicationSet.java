package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;

/**
 * An Argo CD {@code ApplicationSet} ({@code kubernetes:argoproj.io/v1alpha1:ApplicationSet}): the
 * Kubernetes provider manages any custom resource by this type token, and the Java SDK 4.0.0 has no
 * generic custom resource class. The spec is built from typed records and serialized at the edge.
 */
@ResourceType(type = "kubernetes:argoproj.io/v1alpha1:ApplicationSet")
public final class ArgoApplicationSet extends CustomResource {
    public static final String TYPE = "kubernetes:argoproj.io/v1alpha1:ApplicationSet";

    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final Output<String> apiVersion = Output.of("argoproj.io/v1alpha1");
        @Import(name = "kind", required = true)
        private final Output<String> kind = Output.of("ApplicationSet");
        @Import(name = "metadata", required = true)
        private final Output<ObjectMetaArgs> metadata;
        @Import(name = "spec", required = true)
        private final Output<Map<String, Object>> spec;

        public Args(ObjectMetaArgs metadata, Map<String, Object> spec) {
            this.metadata = Output.of(metadata);
            this.spec = Output.of(spec);
        }
    }

    public ArgoApplicationSet(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options);
    }
}
