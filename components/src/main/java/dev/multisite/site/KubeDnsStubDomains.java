package dev.multisite.site;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.pulumi.kubernetes.core.v1.ConfigMapPatch;
import com.pulumi.kubernetes.core.v1.ConfigMapPatchArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaPatchArgs;

import java.io.IOException;
import java.util.Map;

/**
 * How a GKE site forwards a zone: a stub domain in kube-dns's ConfigMap ({@code kube-system/kube-dns},
 * {@code stubDomains}, a JSON map of domain to resolver IPs; GKE "Using kube-dns", "Adding custom
 * resolvers for stub domains"), patched server-side so GKE keeps owning the rest of it. Not a Cloud
 * DNS forwarding zone: its queries come from 35.199.192.0/19, which every GCP VPC would have to
 * announce to the resolvers' network, and it cannot reach a ClusterIP. One patch per forwarded zone,
 * never forced: two would conflict on {@code stubDomains}, which the parser refuses beforehand
 * ({@code ForwardedZones}).
 */
final class KubeDnsStubDomains {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code {"zone": ["ip"]}}: the text the cluster-service stub was first planned with (its digest). */
    private static final ObjectWriter SPACED = JSON.writer(new MinimalPrettyPrinter() {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }
    });

    private KubeDnsStubDomains() {
    }

    static void forward(GcpSite site, ZoneForward forward) {
        // Names and text as each forwarding was first planned (names are URNs).
        String name = switch (forward.reach()) {
            case CLUSTER_SERVICE -> site.name() + "-kube-dns-stub";
            case ROUTED -> site.name() + "-kube-dns-stub-domains";
        };
        new ConfigMapPatch(name, ConfigMapPatchArgs.builder()
                .metadata(ObjectMetaPatchArgs.builder().name("kube-dns").namespace("kube-system").build())
                .data(Map.of("stubDomains", stubDomains(forward)))
                .build(), forward.options(site.kubernetesProvider()));
    }

    /** The {@code stubDomains} value: the zone and its resolvers, as JSON. */
    static String stubDomains(ZoneForward forward) {
        ObjectWriter writer = forward.reach() == ZoneForward.Reach.CLUSTER_SERVICE ? SPACED : JSON.writer();
        try {
            return writer.writeValueAsString(Map.of(forward.zone(), forward.resolvers()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
