package dev.multisite.topology;

import java.util.List;

/**
 * Settings that only an {@code aws} site has.
 *
 * @param availabilityZones the three zones for subnets; default: the region's {@code a}, {@code b}
 *                          and {@code c} zones
 */
public record AwsSettings(List<String> availabilityZones) implements ProviderSettings {
    public AwsSettings {
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
    }
}
