package dev.multisite.topology;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS region a site is closest to, for Route 53 latency routing: its own region on AWS, an
 * explicit {@code traffic.latencyRegions} entry, or a mapping of GCP and Azure regions by geography.
 */
public final class LatencyRegions {
    private static final Map<String, String> BY_PREFIX = Map.ofEntries(
            Map.entry("europe-west1", "eu-west-1"), Map.entry("europe-west2", "eu-west-2"), Map.entry("europe-west3", "eu-central-1"),
            Map.entry("europe-west4", "eu-central-1"), Map.entry("europe-north", "eu-north-1"), Map.entry("europe-", "eu-central-1"),
            Map.entry("us-east", "us-east-1"), Map.entry("us-central", "us-east-2"), Map.entry("us-west", "us-west-2"),
            Map.entry("northamerica-", "ca-central-1"), Map.entry("southamerica-", "sa-east-1"), Map.entry("asia-east", "ap-east-1"),
            Map.entry("asia-northeast", "ap-northeast-1"), Map.entry("asia-south", "ap-south-1"), Map.entry("asia-southeast", "ap-southeast-1"),
            Map.entry("australia-", "ap-southeast-2"), Map.entry("me-", "me-central-1"), Map.entry("africa-", "af-south-1"),
            Map.entry("westeurope", "eu-west-1"), Map.entry("northeurope", "eu-west-1"), Map.entry("uksouth", "eu-west-2"),
            Map.entry("francecentral", "eu-west-3"), Map.entry("germanywestcentral", "eu-central-1"), Map.entry("swedencentral", "eu-north-1"),
            Map.entry("eastus", "us-east-1"), Map.entry("eastus2", "us-east-1"), Map.entry("centralus", "us-east-2"),
            Map.entry("westus", "us-west-1"), Map.entry("westus2", "us-west-2"), Map.entry("westus3", "us-west-2"),
            Map.entry("canadacentral", "ca-central-1"), Map.entry("brazilsouth", "sa-east-1"), Map.entry("southeastasia", "ap-southeast-1"),
            Map.entry("eastasia", "ap-east-1"), Map.entry("japaneast", "ap-northeast-1"), Map.entry("koreacentral", "ap-northeast-2"),
            Map.entry("centralindia", "ap-south-1"), Map.entry("australiaeast", "ap-southeast-2"), Map.entry("southafricanorth", "af-south-1"));

    private LatencyRegions() {
    }

    public static Optional<String> of(SiteSpec site, TrafficSettings traffic) {
        if (traffic.latencyRegions().containsKey(site.name())) {
            return Optional.of(traffic.latencyRegions().get(site.name()));
        }
        return switch (site.provider()) {
            case AWS -> Optional.of(site.region());
            case AZURE -> Optional.ofNullable(BY_PREFIX.get(site.region()));
            case GCP -> BY_PREFIX.entrySet().stream().filter(e -> site.region().startsWith(e.getKey()))
                    .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
            case EXISTING -> Optional.empty();
        };
    }
}
