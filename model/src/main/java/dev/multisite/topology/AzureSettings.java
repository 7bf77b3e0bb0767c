package dev.multisite.topology;

/**
 * Settings that only an {@code azure} site has.
 *
 * @param resourceGroup  the resource group created for the site (required)
 * @param subscriptionId the subscription to deploy into; default: the one of the ambient Azure login
 */
public record AzureSettings(String resourceGroup, String subscriptionId) {
}
