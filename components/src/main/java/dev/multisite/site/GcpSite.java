package dev.multisite.site;

import com.pulumi.core.Output;
import com.pulumi.gcp.Provider;

import java.util.Map;
import java.util.Optional;

/** What components other than the site itself use of a GCP site: its provider and VPC network. */
public interface GcpSite extends Site {
    String NETWORK_ID = "networkId";
    String NETWORK_SELF_LINK = "networkSelfLink";

    /** The GCP provider of this site (project and region from the topology). */
    Provider gcpProvider();

    /** The site's VPC network id, for private services (Cloud SQL private IP). */
    Output<String> networkId();

    /** The site's VPC network self link, what VPC peering names networks by. */
    Output<String> networkSelfLink();

    /** Either way through kube-dns, which GKE runs and forwards everything else for ({@link KubeDnsStubDomains}). */
    @Override
    default void forwardZone(ZoneForward forward) {
        KubeDnsStubDomains.forward(this, forward);
    }

    @Override
    default Optional<GcpSite> gcpSite() {
        return Optional.of(this);
    }

    @Override
    default Map<String, Output<?>> facts() {
        return SiteFacts.withCloud(this, Map.entry(NETWORK_ID, networkId()), Map.entry(NETWORK_SELF_LINK, networkSelfLink()));
    }
}
