package dev.multisite.mesh;

import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.Resource;

import java.util.Optional;

/**
 * What joining a site to the mesh creates that others wait for.
 *
 * @param release the site's Cilium release: its CNI; depend on it for anything that needs pod networking
 * @param gate    with GitOps, the site's mesh gate Job: the ApplicationSets wait until it has reached every other site
 */
public record Member(Release release, Optional<Resource> gate) {
}
