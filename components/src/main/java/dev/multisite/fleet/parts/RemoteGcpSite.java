package dev.multisite.fleet.parts;

import com.pulumi.core.Output;
import com.pulumi.gcp.Provider;
import com.pulumi.resources.Resource;
import dev.multisite.site.GcpSite;
import dev.multisite.site.GkeSite;
import dev.multisite.topology.SiteSpec;

/** A GCP site deployed by its own part, read from that part's outputs. */
final class RemoteGcpSite extends RemoteSite implements GcpSite {
    private final Provider gcp;

    RemoteGcpSite(SiteSpec spec, StackFacts facts, Resource parent) {
        super(spec, facts, parent);
        this.gcp = new Provider(spec.name() + "-gcp", GkeSite.providerArgs(spec), options());
    }

    @Override
    public Provider gcpProvider() {
        return gcp;
    }

    @Override
    public Output<String> networkId() {
        return facts.string(GcpSite.NETWORK_ID);
    }

    @Override
    public Output<String> networkSelfLink() {
        return facts.string(GcpSite.NETWORK_SELF_LINK);
    }
}
