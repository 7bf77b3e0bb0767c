package dev.multisite.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.multisite.topology.Problems.sitePath;

/**
 * The invariants of a topology: per site (required fields, ranges, provider blocks) and across
 * sites (unique names and cluster ids, disjoint address ranges). This is the single place of truth
 * for them; components may assume a topology that passed.
 */
final class TopologyValidator {
    static final Pattern SITE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    static final Pattern POOL_NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");
    static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    static final Pattern K8S_VERSION = Pattern.compile("1\\.\\d{1,2}(\\.\\d{1,2})?");
    static final Pattern CONFIG_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,99}");
    static final int MAX_CLUSTER_ID = 255;
    /**
     * AWS regions outside the commercial partition, by name prefix, and their partition (the
     * {@code arn:<partition>:} of every ARN there; AWS IAM User Guide, "IAM identifiers" / ARN
     * format, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). Multisite is
     * written for the {@code aws} partition: the managed IAM policy ARNs of EKS sites, the Route 53
     * zone and the stack-wide AWS provider are commercial ones, so these regions are refused here.
     * Tried in order: a longer prefix before a shorter one it starts with ({@code us-isob-} before {@code us-iso-}).
     */
    static final List<Map.Entry<String, String>> OTHER_AWS_PARTITIONS = List.of(
            Map.entry("us-gov-", "aws-us-gov"), Map.entry("cn-", "aws-cn"), Map.entry("us-isob-", "aws-iso-b"),
            Map.entry("us-isof-", "aws-iso-f"), Map.entry("us-iso-", "aws-iso"), Map.entry("eu-isoe-", "aws-iso-e"));
    /** Longest region name accepted (the longest real ones, e.g. northamerica-northeast1, are about 25). */
    public static final int MAX_REGION = 32;
    /** RFC 1035: a DNS name is at most 253 characters. */
    static final int MAX_DNS_NAME = 253;
    /** Machine type names: AWS, GCP (custom types included) and Azure VM sizes are letters, digits, '.', '_' and '-', at most 64. */
    static final Pattern MACHINE_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** An Azure subscription id is a GUID. */
    static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TopologyValidator() {
    }

    static void validate(Topology topology) {
        var problems = new Problems();
        if (topology.domain() == null || topology.domain().isBlank()) {
            problems.add("domain", "required; the DNS domain the stack's names live under, e.g. example.com");
        } else if (!DOMAIN.matcher(topology.domain()).matches()) {
            problems.add("domain", "'" + topology.domain() + "' is not a lowercase DNS domain; write it like example.com");
        }
        if (topology.peakDemand() != null && topology.peakDemand() <= 0) {
            problems.add("peakDemand", topology.peakDemand() + " is not allowed; use a positive whole number in the unit of the sites' capacity");
        }
        if (topology.sites().size() > MAX_CLUSTER_ID) {
            // Every site needs a unique cluster id in 1..255; refusing early also bounds the cross-site checks.
            problems.add("sites", topology.sites().size() + " sites declared; at most " + MAX_CLUSTER_ID + " (one Cilium cluster id each)");
            problems.throwIfAny();
        }
        if (topology.sites().size() < 2) {
            problems.add("sites", topology.sites().size() + " site(s) declared; active-active needs at least 2 sites");
        }
        for (int i = 0; i < topology.sites().size(); i++) {
            validateSite(topology.sites().get(i), i, problems);
        }
        problems.throwIfAny();
        validateAcrossSites(topology.sites(), problems);
        validateDerivedNames(topology, problems);
        problems.throwIfAny();
        TrafficValidator.validate(topology, problems);
        DataValidator.validate(topology, problems);
        MeshValidator.validate(topology, problems);
        GitOpsValidator.validate(topology, problems);
        GlobalServicesValidator.validate(topology, problems);
        NetworkValidator.validate(topology, problems);
        problems.throwIfAny();
        ForwardedZones.check(topology, problems);
        for (String host : PrivateServices.hostSites(topology)) {
            SiteSpec site = topology.site(host).orElseThrow();
            if (site.gcp().privateServicesCidr() == null) {
                problems.add(sitePath(site, topology.sites().indexOf(site), "gcp.privateServicesCidr"), "required: this site's VPC holds Cloud SQL"
                        + " (a primary and its replicas), whose private addresses come from this range; allocate a /16../24 from the address plan,"
                        + " disjoint from every other range (e.g. a free 10.x.0.0/20)");
            }
        }
        problems.throwIfAny();
        Reachability.check(topology).forEach(f -> problems.add(f.path(), f.message()));
        problems.throwIfAny();
    }

    private static void validateSite(SiteSpec site, int i, Problems problems) {
        if (site == null) {
            problems.add("sites[" + i + "]", "empty entry; every site needs name, provider, region, capacity, network, mesh and kubernetes");
            return;
        }
        if (site.name() == null) {
            problems.add(sitePath(site, i, "name"), "required; lowercase letters, digits and '-', starting with a letter, at most 20 characters");
        } else if (!SITE_NAME.matcher(site.name()).matches()) {
            problems.add(sitePath(site, i, "name"), "'" + site.name() + "' is not allowed; use [a-z][a-z0-9-]{0,19} (lowercase, starts with a letter, at most 20 characters)");
        }
        if (site.provider() == null) {
            problems.add(sitePath(site, i, "provider"), "required; one of aws, gcp, azure, existing");
            return;
        }
        validateRegion(site, i, problems);
        if (site.capacity() == null) {
            problems.add(sitePath(site, i, "capacity"), "required; a positive whole number (the share of global traffic the site can serve)");
        } else if (site.capacity() <= 0) {
            problems.add(sitePath(site, i, "capacity"), site.capacity() + " is not allowed; use a positive whole number");
        }
        validateNetwork(site, i, problems);
        validateMesh(site, i, problems);
        validateKubernetes(site, i, problems);
        validateProviderBlocks(site, i, problems);
    }

    private static void validateRegion(SiteSpec site, int i, Problems problems) {
        String path = sitePath(site, i, "region");
        if (site.region() == null || site.region().isBlank()) {
            problems.add(path, "required; a " + site.provider().key() + " region such as " + site.provider().facts().regionExample());
        } else if (site.region().length() > MAX_REGION) {
            problems.add(path, "'" + TopologyLimits.quote(site.region()) + "' is " + site.region().length() + " characters; a region name is at most "
                    + MAX_REGION + ", e.g. " + site.provider().facts().regionExample());
        } else if (!site.provider().facts().region().matcher(site.region()).matches()) {
            problems.add(path, "'" + site.region() + "' is not a " + site.provider().key() + " region; write it like " + site.provider().facts().regionExample());
        } else if (site.provider() == CloudProvider.AWS) {
            OTHER_AWS_PARTITIONS.stream().filter(e -> site.region().startsWith(e.getKey())).findFirst().ifPresent(e ->
                    problems.add(path, "'" + site.region() + "' is in the AWS partition " + e.getValue()
                            + "; only the commercial partition aws is supported (its ARNs, Route 53 and IAM are the ones Multisite uses); use a region such as us-east-1"));
        }
    }

    private static void validateNetwork(SiteSpec site, int i, Problems problems) {
        var net = site.network();
        if (net == null) {
            problems.add(sitePath(site, i, "network"), "required; set vpcCidr, podCidr and serviceCidr");
            return;
        }
        requirePrefix(net.vpcCidr(), 16, 24, sitePath(site, i, "network.vpcCidr"), problems);
        requirePrefix(net.podCidr(), 8, 22, sitePath(site, i, "network.podCidr"), problems);
        requirePrefix(net.serviceCidr(), 12, 24, sitePath(site, i, "network.serviceCidr"), problems);
    }

    private static void requirePrefix(Cidr cidr, int widest, int narrowest, String path, Problems problems) {
        if (cidr == null) {
            problems.add(path, "required; an IPv4 CIDR between /" + widest + " and /" + narrowest);
        } else if (cidr.prefixLength() < widest || cidr.prefixLength() > narrowest) {
            problems.add(path, cidr + " has prefix /" + cidr.prefixLength() + "; allowed is /" + widest + " to /" + narrowest);
        }
    }

    private static void validateMesh(SiteSpec site, int i, Problems problems) {
        String path = sitePath(site, i, "mesh.clusterId");
        if (site.mesh() == null || site.mesh().clusterId() == null) {
            problems.add(path, "required; a unique whole number in 1.." + MAX_CLUSTER_ID);
        } else if (site.mesh().clusterId() < 1 || site.mesh().clusterId() > MAX_CLUSTER_ID) {
            problems.add(path, site.mesh().clusterId() + " is out of range; choose a unique value in 1.." + MAX_CLUSTER_ID);
        }
    }

    private static void validateKubernetes(SiteSpec site, int i, Problems problems) {
        var k8s = site.kubernetes();
        // A switch expression: a new provider does not compile until it is decided whether the stack
        // creates its clusters (then their API access and node pools are required) or finds them.
        boolean cloud = switch (site.provider()) {
            case AWS, GCP, AZURE -> true;
            case EXISTING -> false;
        };
        if (k8s == null) {
            problems.add(sitePath(site, i, "kubernetes"), "required; set version" + (cloud ? ", apiAccessCidrs and nodePools" : ""));
            return;
        }
        if (k8s.version() == null) {
            problems.add(sitePath(site, i, "kubernetes.version"), "required; a Kubernetes minor version such as \"1.30\" (quoted)");
        } else if (!K8S_VERSION.matcher(k8s.version()).matches()) {
            problems.add(sitePath(site, i, "kubernetes.version"), "'" + k8s.version() + "' is not a Kubernetes version; write it like \"1.30\"");
        }
        if (!cloud) {
            return;
        }
        if (k8s.apiAccessCidrs().isEmpty()) {
            problems.add(sitePath(site, i, "kubernetes.apiAccessCidrs"), "required for " + site.provider().key()
                    + " sites; list the CIDRs allowed to reach the cluster API (your CI runners and VPN), never 0.0.0.0/0");
        }
        if (k8s.nodePools().isEmpty()) {
            problems.add(sitePath(site, i, "kubernetes.nodePools"), "required; at least one pool with name, machineType, min and max");
        }
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < k8s.nodePools().size(); p++) {
            validatePool(site, i, p, k8s.nodePools().get(p), seen, problems);
        }
    }

    private static void validatePool(SiteSpec site, int i, int p, NodePool pool, Set<String> seen, Problems problems) {
        String id = pool.name() == null ? String.valueOf(p) : pool.name();
        String path = sitePath(site, i, "kubernetes.nodePools[" + id + "]");
        if (pool.name() == null || !POOL_NAME.matcher(pool.name()).matches()) {
            problems.add(path + ".name", (pool.name() == null ? "required" : "'" + pool.name() + "' is not allowed")
                    + "; use [a-z][a-z0-9]{0,11} (AKS allows at most 12 lowercase letters and digits)");
        } else if (!seen.add(pool.name())) {
            problems.add(path + ".name", "'" + pool.name() + "' is used twice in this site; pool names must be unique per site");
        }
        if (pool.machineType() == null || pool.machineType().isBlank()) {
            problems.add(path + ".machineType", "required; the provider's machine type, e.g. m6i.large, e2-standard-4, Standard_D4s_v5");
        } else if (!MACHINE_TYPE.matcher(pool.machineType()).matches()) {
            problems.add(path + ".machineType", "'" + TopologyLimits.quote(pool.machineType()) + "' is not a machine type; at most 64 letters, digits, '.', '_' and '-', e.g. m6i.large, e2-standard-4, Standard_D4s_v5");
        }
        if (pool.min() == null || pool.min() < 1) {
            problems.add(path + ".min", (pool.min() == null ? "required" : pool.min() + " is not allowed") + "; at least 1 node");
        }
        if (pool.max() == null) {
            problems.add(path + ".max", "required; at least min");
        } else if (pool.min() != null && pool.max() < pool.min()) {
            problems.add(path + ".max", pool.max() + " is below min " + pool.min() + "; max must be at least min");
        } else if (pool.max() > 1000) {
            problems.add(path + ".max", pool.max() + " is above 1000 nodes per pool");
        }
    }

    private static void validateProviderBlocks(SiteSpec site, int i, Problems problems) {
        for (CloudProvider provider : CloudProvider.values()) {
            if (site.block(provider) != null && provider != site.provider()) {
                problems.add(sitePath(site, i, provider.key()), "set on a " + site.provider().key() + " site; only the "
                        + site.provider().key() + " block applies, remove this one");
            }
        }
        // A switch expression: a new provider does not compile until its block is validated.
        Runnable providerBlock = switch (site.provider()) {
            case AWS -> () -> validateAws(site, i, problems);
            case GCP -> () -> validateGcp(site, i, problems);
            case AZURE -> () -> validateAzure(site, i, problems);
            case EXISTING -> () -> validateExisting(site, i, problems);
        };
        providerBlock.run();
    }

    private static void validateAws(SiteSpec site, int i, Problems problems) {
        // Zones are judged against the region: with a bad region every zone would be one more, follow-on problem.
        if (site.aws() == null || site.aws().availabilityZones().isEmpty() || site.region() == null
                || site.region().length() > MAX_REGION || !site.provider().facts().region().matcher(site.region()).matches()) {
            return;
        }
        var zones = site.aws().availabilityZones();
        if (zones.size() != 3 || new HashSet<>(zones).size() != 3) {
            problems.add(sitePath(site, i, "aws.availabilityZones"), zones + " is not allowed; list exactly 3 distinct zones");
        }
        for (String zone : zones) {
            if (zone == null || !zone.startsWith(site.region())) {
                problems.add(sitePath(site, i, "aws.availabilityZones"), "'" + zone + "' is not a zone of " + site.region() + "; write it like " + site.region() + "a");
            }
        }
    }

    private static void validateGcp(SiteSpec site, int i, Problems problems) {
        if (site.gcp() == null) {
            problems.add(sitePath(site, i, "gcp"), "required for a gcp site; set gcp.project and gcp.masterIpv4Cidr");
            return;
        }
        if (site.gcp().project() == null || !site.gcp().project().matches("[a-z][a-z0-9-]{4,28}[a-z0-9]")) {
            problems.add(sitePath(site, i, "gcp.project"), (site.gcp().project() == null ? "required" : "'" + site.gcp().project() + "' is not a GCP project id")
                    + "; 6-30 lowercase letters, digits or '-', starting with a letter");
        }
        if (site.gcp().masterIpv4Cidr() == null) {
            problems.add(sitePath(site, i, "gcp.masterIpv4Cidr"), "required; a /28 for the private control plane, disjoint from every other range");
        } else if (site.gcp().masterIpv4Cidr().prefixLength() != 28) {
            problems.add(sitePath(site, i, "gcp.masterIpv4Cidr"), site.gcp().masterIpv4Cidr() + " is not a /28; GKE requires exactly /28");
        }
        // Private services access allocations are /24 or larger (Google, "Configure private services access":
        // the allocated range's prefix length is at most 24); /16 is the widest a site plan needs.
        Cidr psa = site.gcp().privateServicesCidr();
        if (psa != null && (psa.prefixLength() < 16 || psa.prefixLength() > 24)) {
            problems.add(sitePath(site, i, "gcp.privateServicesCidr"), psa + " is not allowed; use a /16 to /24 (private services access needs at least a /24)");
        }
    }

    private static void validateAzure(SiteSpec site, int i, Problems problems) {
        if (site.azure() == null || site.azure().resourceGroup() == null || site.azure().resourceGroup().isBlank()) {
            problems.add(sitePath(site, i, "azure.resourceGroup"), "required for an azure site; the resource group to create, e.g. rg-" + (site.name() == null ? "site" : site.name()));
        } else if (!site.azure().resourceGroup().matches("[A-Za-z0-9._()-]{1,89}[A-Za-z0-9_()-]")) {
            problems.add(sitePath(site, i, "azure.resourceGroup"), "'" + site.azure().resourceGroup() + "' is not a resource group name; 1-90 letters, digits, '.', '_', '-', '(' and ')', not ending in '.'");
        }
        if (site.azure() != null && site.azure().subscriptionId() != null && !GUID.matcher(site.azure().subscriptionId()).matches()) {
            problems.add(sitePath(site, i, "azure.subscriptionId"), "'" + site.azure().subscriptionId() + "' is not a subscription id; write the GUID, e.g. 00000000-0000-0000-0000-000000000000");
        }
        if (site.azure() != null) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String id : site.azure().adminGroupObjectIds()) {
                if (id == null || !UUID.matcher(id).matches()) {
                    problems.add(sitePath(site, i, "azure.adminGroupObjectIds"), "'" + id + "' is not an Entra ID object id;"
                            + " a UUID like 00000000-0000-0000-0000-000000000000 (az ad group show --group <name> --query id)");
                } else if (!seen.add(id.toLowerCase(java.util.Locale.ROOT))) {
                    problems.add(sitePath(site, i, "azure.adminGroupObjectIds"), "'" + id + "' is listed twice");
                }
            }
        }
    }

    /** An Entra ID object id: a UUID in its canonical 8-4-4-4-12 hexadecimal form. */
    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static void validateExisting(SiteSpec site, int i, Problems problems) {
        if (site.existing() == null || site.existing().kubeconfig() == null) {
            problems.add(sitePath(site, i, "existing.kubeconfig"), "required for an existing site; the name of a secret config key holding the kubeconfig (set it with `pulumi config set --secret <key> < kubeconfig`)");
        } else if (!CONFIG_KEY.matcher(site.existing().kubeconfig()).matches()) {
            problems.add(sitePath(site, i, "existing.kubeconfig"), "'" + site.existing().kubeconfig() + "' is not a config key name; use letters, digits, '-' and '_' (the key, not the kubeconfig itself)");
        }
    }

    /** Names built from the domain and hostname ({@code <site>.mesh.<domain>}, {@code <site>.<hostname>}) must stay DNS names. */
    private static void validateDerivedNames(Topology topology, Problems problems) {
        String longestSite = topology.sites().stream().map(SiteSpec::name).max(java.util.Comparator.comparingInt(String::length)).orElse("");
        String mesh = MeshOptions.apiserverAddress(longestSite, topology.domain());
        if (mesh.length() > MAX_DNS_NAME) {
            problems.add("domain", "'" + TopologyLimits.quote(topology.domain()) + "' is too long for the names built from it: " + mesh.length()
                    + " characters in " + longestSite + ".mesh.<domain>; a DNS name is at most " + MAX_DNS_NAME);
        }
        var traffic = topology.traffic();
        if (traffic != null && traffic.hostname() != null && traffic.siteHostname(longestSite).length() > MAX_DNS_NAME) {
            problems.add("traffic.hostname", "'" + TopologyLimits.quote(traffic.hostname()) + "' is too long for the names built from it: "
                    + traffic.siteHostname(longestSite).length() + " characters in " + longestSite + ".<hostname>; a DNS name is at most " + MAX_DNS_NAME);
        }
    }

    private record Range(String site, String field, Cidr cidr) {
    }

    private static void validateAcrossSites(List<SiteSpec> sites, Problems problems) {
        Map<String, Integer> names = new HashMap<>();
        Map<Integer, String> clusterIds = new HashMap<>();
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            var site = sites.get(i);
            Integer first = names.putIfAbsent(site.name(), i);
            if (first != null) {
                problems.add("sites[" + i + "].name", "'" + site.name() + "' is already used by sites[" + first + "]; site names must be unique");
            }
            String owner = clusterIds.putIfAbsent(site.mesh().clusterId(), site.name());
            if (owner != null) {
                problems.add(sitePath(site, i, "mesh.clusterId"), site.mesh().clusterId() + " is already used by " + owner
                        + "; choose a unique value in 1.." + MAX_CLUSTER_ID);
            }
            ranges.add(new Range(site.name(), "network.vpcCidr", site.network().vpcCidr()));
            ranges.add(new Range(site.name(), "network.podCidr", site.network().podCidr()));
            ranges.add(new Range(site.name(), "network.serviceCidr", site.network().serviceCidr()));
            if (site.gcp() != null && site.gcp().masterIpv4Cidr() != null) {
                ranges.add(new Range(site.name(), "gcp.masterIpv4Cidr", site.gcp().masterIpv4Cidr()));
            }
            if (site.gcp() != null && site.gcp().privateServicesCidr() != null) {
                ranges.add(new Range(site.name(), "gcp.privateServicesCidr", site.gcp().privateServicesCidr()));
            }
        }
        for (int a = 0; a < ranges.size(); a++) {
            for (int b = 0; b < a; b++) {
                var later = ranges.get(a);
                var earlier = ranges.get(b);
                if (later.cidr().overlaps(earlier.cidr())) {
                    String where = later.site().equals(earlier.site()) ? "this site's " + earlier.field() : earlier.site() + "'s " + earlier.field();
                    problems.add("sites[" + later.site() + "]." + later.field(), later.cidr() + " overlaps " + where + " " + earlier.cidr()
                            + "; every VPC, pod and service range must be disjoint across all sites");
                }
            }
        }
    }
}
