package dev.multisite.stack.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisite.topology.Cidr;
import dev.multisite.topology.CloudProvider;
import dev.multisite.topology.NetworkSettings;

import java.util.List;
import java.util.Map;

/**
 * Generates a valid stack file of N sites spread round-robin over the chosen providers, with a
 * disjoint address plan: VPC {@code 10.i.0.0/16}, pods {@code 100.(64+i).0.0/16}, services a /20
 * of {@code 172.16.0.0/12}, GKE control planes a /28 of {@code 192.168.0.0/16}, BGP ASN {@code 64512+i}
 * written out (never left to the default), cluster id {@code i}. Up to 63 sites.
 */
public final class ExampleTopology {
    static final int MAX_SITES = 63;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What an example site of a provider looks like: its name prefix, node machine type and regions in turn. */
    record ProviderExample(String shortName, String machineType, List<String> regions) {
    }

    /** A switch expression: a new provider does not compile until init knows how to write its sites. */
    static ProviderExample exampleOf(CloudProvider provider) {
        return switch (provider) {
            case AWS -> new ProviderExample("aws", "m6i.large", List.of("us-east-1", "eu-west-1", "ap-southeast-1", "us-west-2", "eu-central-1",
                    "ap-northeast-1", "sa-east-1", "ca-central-1", "ap-south-1", "eu-north-1", "us-east-2", "ap-southeast-2", "af-south-1"));
            case GCP -> new ProviderExample("gcp", "e2-standard-4", List.of("europe-west4", "us-central1", "asia-east1", "us-east4", "europe-west1",
                    "asia-northeast1", "australia-southeast1", "southamerica-east1", "europe-north1", "us-west1", "asia-south1", "me-west1",
                    "europe-west3"));
            case AZURE -> new ProviderExample("az", "Standard_D4s_v5", List.of("westeurope", "eastus", "southeastasia", "westus2", "northeurope",
                    "japaneast", "australiaeast", "brazilsouth", "canadacentral", "centralindia", "uksouth", "koreacentral", "francecentral"));
            case EXISTING -> new ProviderExample("metal", "", List.of("fra-dc1", "ams-dc1", "sgp-dc1", "nyc-dc1", "lon-dc1", "tyo-dc1", "syd-dc1",
                    "sao-dc1", "tor-dc1", "bom-dc1", "waw-dc1", "sea-dc1", "jnb-dc1"));
        };
    }

    /** The AWS region nearest each example data centre, for Route 53 latency routing. */
    private static final Map<String, String> NEAREST_AWS = Map.ofEntries(Map.entry("fra-dc1", "eu-central-1"),
            Map.entry("ams-dc1", "eu-west-1"), Map.entry("sgp-dc1", "ap-southeast-1"), Map.entry("nyc-dc1", "us-east-1"),
            Map.entry("lon-dc1", "eu-west-2"), Map.entry("tyo-dc1", "ap-northeast-1"), Map.entry("syd-dc1", "ap-southeast-2"),
            Map.entry("sao-dc1", "sa-east-1"), Map.entry("tor-dc1", "ca-central-1"), Map.entry("bom-dc1", "ap-south-1"),
            Map.entry("waw-dc1", "eu-central-1"), Map.entry("sea-dc1", "us-west-2"), Map.entry("jnb-dc1", "af-south-1"));

    private ExampleTopology() {
    }

    /** A stack file with {@code sites} generated sites round-robin over {@code providers} (for init, the benchmark and tests). */
    public static ObjectNode stackFile(int sites, List<CloudProvider> providers, String domain) {
        if (sites < 2 || sites > MAX_SITES) {
            throw new IllegalArgumentException("--sites " + sites + " is outside 2.." + MAX_SITES);
        }
        ObjectNode config = NODES.objectNode();
        ObjectNode topology = config.putObject("multisite:topology");
        topology.put("domain", domain);
        topology.put("environment", "production");
        ArrayNode list = topology.putArray("sites");
        int[] perProvider = new int[CloudProvider.values().length];
        int total = 0;
        for (int i = 1; i <= sites; i++) {
            CloudProvider provider = providers.get((i - 1) % providers.size());
            int nth = perProvider[provider.ordinal()]++;
            ProviderExample example = exampleOf(provider);
            List<String> regions = example.regions();
            String region = regions.get(nth % regions.size());
            String name = example.shortName() + "-" + region.replaceAll("[^a-z0-9]", "") ;
            name = (name.length() > 17 ? name.substring(0, 17) : name) + (nth >= regions.size() ? "-" + (nth / regions.size()) : "");
            ObjectNode site = list.addObject();
            site.put("name", name);
            site.put("provider", provider.key());
            site.put("region", region);
            site.put("capacity", 100);
            total += 100;
            ObjectNode network = site.putObject("network");
            network.put("vpcCidr", "10." + i + ".0.0/16");
            network.put("podCidr", "100." + (64 + i) + ".0.0/16");
            network.put("serviceCidr", new Cidr(Cidr.parse("172.16.0.0/12").network() + (long) i * 4096, 20).toString());
            // Explicit, not the default (64512 + clusterId): the ASN is a create-only input of the site's
            // Transit Gateway / Cloud Router / VPN gateway, so it must not follow a cluster id renumbering.
            network.put("asn", NetworkSettings.PRIVATE_ASN_BASE + i);
            site.putObject("mesh").put("clusterId", i);
            ObjectNode k8s = site.putObject("kubernetes");
            k8s.put("version", "1.31");
            if (provider != CloudProvider.EXISTING) {
                k8s.putArray("apiAccessCidrs").add("203.0.113.0/24");
                ObjectNode pool = k8s.putArray("nodePools").addObject();
                pool.put("name", "system");
                pool.put("machineType", example.machineType());
                pool.put("min", 2);
                pool.put("max", 6);
            }
            String siteName = name;
            int index = i;
            // A switch expression: a new provider does not compile until its block is written.
            Runnable providerBlock = switch (provider) {
                case GCP -> () -> {
                    ObjectNode gcp = site.putObject("gcp");
                    gcp.put("project", "multisite-" + siteName.replace("gcp-", ""));
                    gcp.put("masterIpv4Cidr", "192.168." + index + ".0/28");
                };
                case AZURE -> () -> site.putObject("azure").put("resourceGroup", "rg-multisite-" + siteName);
                case EXISTING -> () -> {
                    ObjectNode existing = site.putObject("existing");
                    existing.put("kubeconfig", siteName + "-kubeconfig");
                    // The device's address, from the documentation range 203.0.113.0/24 (replace it).
                    existing.putObject("vpn").put("publicIp", "203.0.113." + (100 + index));
                    config.putObject("multisite:" + siteName + "-kubeconfig").put("secure", "v1:set-with-pulumi-config-set-secret");
                };
                case AWS -> () -> {
                };
            };
            providerBlock.run();
        }
        // N+1: the fleet must still cover peak demand after losing its largest site.
        topology.put("peakDemand", total - 100 - 50);
        addTraffic(topology, domain, config, list);
        ObjectNode file = NODES.objectNode();
        file.set("config", config);
        return file;
    }

    /**
     * One DNS authority for the domain: Route 53 latency routing when every site is a cloud site;
     * Cloudflare when existing sites need its scoped token (their names must then live in Cloudflare,
     * and they span the app and mesh subtrees, so Route 53 could hold no name without a split).
     */
    private static void addTraffic(ObjectNode topology, String domain, ObjectNode config, ArrayNode sites) {
        ObjectNode traffic = topology.putObject("traffic");
        traffic.put("hostname", "app." + domain);
        traffic.put("routing", "latency");
        ObjectNode latency = NODES.objectNode();
        boolean existing = false;
        for (var site : sites) {
            if (site.path("provider").asText().equals("existing")) {
                existing = true;
                latency.put(site.path("name").asText(), NEAREST_AWS.getOrDefault(site.path("region").asText(), "eu-central-1"));
            }
        }
        if (!latency.isEmpty()) {
            traffic.set("latencyRegions", latency);
        }
        ArrayNode dns = traffic.putArray("dns");
        if (!existing) {
            dns.addObject().putObject("route53").put("hostedZoneId", "Z0EXAMPLE0000000000");
        } else {
            ObjectNode cf = dns.addObject().putObject("cloudflare");
            cf.put("zoneId", "0123456789abcdef0123456789abcdef");
            cf.put("accountId", "fedcba9876543210fedcba9876543210");
            cf.put("plan", "enterprise");
            cf.put("apiToken", "cloudflare-api-token");
            config.putObject("multisite:cloudflare-api-token").put("secure", "v1:set-with-pulumi-config-set-secret");
        }
    }
}
