package dev.multisite.topology;

/**
 * The settings only one provider's sites have: the {@code aws}, {@code gcp}, {@code azure} or
 * {@code existing} block of a site. Sealed, so the blocks are a closed set: a new provider's block
 * joins this list, and {@link SiteSpec#block(CloudProvider)} does not compile until it names it.
 */
public sealed interface ProviderSettings permits AwsSettings, GcpSettings, AzureSettings, ExistingSettings {
}
