package dev.multisite.fleet.parts;

import com.pulumi.resources.Resource;
import dev.multisite.site.Site;
import dev.multisite.topology.SiteSpec;

/** The {@link Site} a part reads from a site part's outputs: the only switch over providers for remote sites. */
final class RemoteSites {
    private RemoteSites() {
    }

    /** @param parent where the remote site's providers go (the reading part's component) */
    static Site of(SiteSpec spec, StackFacts facts, Resource parent) {
        return switch (spec.provider()) {
            case AWS -> new RemoteAwsSite(spec, facts, parent);
            case GCP -> new RemoteGcpSite(spec, facts, parent);
            case AZURE -> new RemoteAzureSite(spec, facts, parent);
            case EXISTING -> new RemoteSite(spec, facts, parent);
        };
    }
}
