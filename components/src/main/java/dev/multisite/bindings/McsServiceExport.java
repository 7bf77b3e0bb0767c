package dev.multisite.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

/**
 * A Multi-Cluster Services {@code ServiceExport} ({@code kubernetes:multicluster.x-k8s.io/v1alpha1:ServiceExport}):
 * it marks the Service of the same namespace and name for export to every cluster of the set, and has
 * no spec (KEP-1645; kubernetes-sigs/mcs-api config/crd). {@code v1alpha1} is the version the pinned
 * Cilium registers and watches (cilium/cilium pkg/clustermesh/mcsapi/crdinstall.go, commit 111c7a3d,
 * creates the CRDs by mcs-api's v1alpha1 names); the mcs-api CRDs of conformance/v0.5.0 still serve it
 * beside v1beta1. The Java SDK 4.0.0 has no generic custom resource class, hence this binding.
 */
@ResourceType(type = "kubernetes:multicluster.x-k8s.io/v1alpha1:ServiceExport")
public final class McsServiceExport extends CustomResource {
    public static final String TYPE = "kubernetes:multicluster.x-k8s.io/v1alpha1:ServiceExport";
    public static final String API_VERSION = "multicluster.x-k8s.io/v1alpha1";

    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final Output<String> apiVersion = Output.of(API_VERSION);
        @Import(name = "kind", required = true)
        private final Output<String> kind = Output.of("ServiceExport");
        @Import(name = "metadata", required = true)
        private final Output<ObjectMetaArgs> metadata;

        public Args(ObjectMetaArgs metadata) {
            this.metadata = Output.of(metadata);
        }
    }

    public McsServiceExport(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, options);
    }
}
