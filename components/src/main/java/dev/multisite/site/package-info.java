/**
 * Sites: one Kubernetes cluster each, behind the provider-neutral {@link dev.multisite.site.Site}
 * seam. Only cluster creation is written per cloud ({@link dev.multisite.site.EksSite},
 * {@link dev.multisite.site.GkeSite}, {@link dev.multisite.site.AksSite},
 * {@link dev.multisite.site.ExistingSite}); everything above (mesh, traffic, data, GitOps) takes
 * {@code Site}s.
 */
package dev.multisite.site;
