package dev.multisite.topology;

/**
 * Settings that only an {@code existing} site has. The kubeconfig itself never appears in the
 * topology: it is a Pulumi secret under its own config key, and only that key's name is here.
 *
 * @param kubeconfig the name of the secret config key (namespace {@code multisite}) holding the
 *                   kubeconfig, e.g. {@code onprem-fra-kubeconfig} for {@code multisite:onprem-fra-kubeconfig}
 * @param context    the kubeconfig context to use; default: its current context
 * @param vpn        the site's VPN device, required while {@code network.interconnect} is enabled
 */
public record ExistingSettings(@Required String kubeconfig, String context, VpnEndpoint vpn) implements ProviderSettings {
}
