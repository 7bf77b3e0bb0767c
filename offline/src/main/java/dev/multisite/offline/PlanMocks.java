package dev.multisite.offline;

import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the clouds would answer, made up deterministically: the same program gives the same ids,
 * ARNs, endpoints, CA data and kubeconfigs on every run, shaped like the real ones, so everything
 * computed from them (kubeconfigs, IRSA trust, DNS names) is computed for real.
 *
 * <p>Regions come from the resource's own provider (the mock sees each provider's inputs first),
 * so an EKS endpoint in eu-west-1 looks like one.
 */
public class PlanMocks implements Mocks {
    static final String ACCOUNT = "123456789012";
    static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";
    static final String FAKE_CA = Base64.getEncoder().encodeToString(
            "-----BEGIN CERTIFICATE-----\nMULTISITE-OFFLINE-PLAN-CA\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.UTF_8));

    /** The ambient Azure login the plan pretends to run as (authorization:getClientConfig). */
    public static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    public static final String TENANT = "00000000-0000-0000-0000-000000000001";
    public static final String DEPLOYER_OBJECT_ID = "00000000-0000-0000-0000-000000000003";

    private final Map<String, Map<String, Object>> providerInputsById = new ConcurrentHashMap<>();
    private final Map<String, StackOutputs> stacks = new ConcurrentHashMap<>();

    /**
     * Makes stack {@code name} (fully qualified, {@code <org>/<project>/<stack>}) readable by a
     * {@code StackReference}, with these outputs: in fleet mode, the planned outputs of a part this
     * one depends on.
     */
    public PlanMocks withStack(String name, StackOutputs outputs) {
        stacks.put(name, outputs);
        return this;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        String id;
        if (args.type.equals(STACK_REFERENCE)) {
            // A read by the builtin provider: the id is the referenced stack's name.
            String stack = String.valueOf(args.inputs.get("name"));
            StackOutputs outputs = stacks.get(stack);
            if (outputs == null) {
                throw new IllegalStateException("stack reference " + stack + ": no such stack in this offline plan; known: " + stacks.keySet());
            }
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(stack), outputs.referenceState(stack)));
        }
        if (args.type.startsWith("pulumi:providers:")) {
            id = "provider-" + hex(args.name, 12);
            providerInputsById.put(id, args.inputs);
        } else {
            id = idFor(args);
            outputsFor(args, id, state);
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (args.token.equals("azure-native:containerservice:listManagedClusterUserCredentials")) {
            String cluster = String.valueOf(args.args.get("resourceName"));
            String kubeconfig = OfflineKubeconfig.render(cluster, "https://" + cluster + "-dns.hcp.offline.azmk8s.io:443");
            return done(Map.of("kubeconfigs", List.of(Map.of("name", "clusterUser",
                    "value", Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8))))));
        }
        if (args.token.equals("azure-native:authorization:getClientConfig")) {
            // The ambient login: GetClientConfigResult's clientId, objectId, subscriptionId, tenantId.
            return done(Map.of("subscriptionId", SUBSCRIPTION, "tenantId", TENANT,
                    "clientId", "00000000-0000-0000-0000-000000000002", "objectId", DEPLOYER_OBJECT_ID));
        }
        if (args.token.equals("aws:route53/getZone:getZone")) {
            // A public hosted zone's delegation set: always four name servers, one per TLD family.
            String zone = String.valueOf(args.args.get("zoneId"));
            int n = Integer.parseInt(hex(zone, 3), 16);
            return done(Map.of("zoneId", zone, "name", "hosted-zone." + zone.toLowerCase() + ".", "nameServers", List.of(
                    "ns-" + (n % 512) + ".awsdns-" + (n % 64) + ".com", "ns-" + (n % 512 + 512) + ".awsdns-" + (n % 64) + ".net",
                    "ns-" + (n % 512 + 1024) + ".awsdns-" + (n % 64) + ".org", "ns-" + (n % 512 + 1536) + ".awsdns-" + (n % 64) + ".co.uk")));
        }
        if (args.token.equals("gcp:dns/getManagedZone:getManagedZone")) {
            // A Cloud DNS public zone: four name servers of one ns-cloud-<letter> set, absolute names.
            String zone = String.valueOf(args.args.get("name"));
            char set = (char) ('a' + Integer.parseInt(hex(zone, 1), 16) % 5);
            return done(Map.of("name", zone, "dnsName", zone.replace('-', '.') + ".", "visibility", "public", "nameServers",
                    List.of(1, 2, 3, 4).stream().map(i -> "ns-cloud-" + set + i + ".googledomains.com.").toList()));
        }
        if (args.token.equals("gcp:organizations/getProject:getProject")) {
            // GetProjectResult.number: a project's 12-digit number, stable per project id.
            String project = String.valueOf(args.args.get("projectId"));
            return done(Map.of("projectId", project, "number", String.valueOf(100000000000L + Long.parseLong(hex(project, 8), 16) % 900000000000L)));
        }
        return done(Map.of());
    }

    /** The inputs of the provider a resource was registered with (its region, project, ...). */
    protected Map<String, Object> providerInputs(ResourceArgs args) {
        String ref = args.provider == null ? "" : args.provider;
        String id = ref.contains("::") ? ref.substring(ref.lastIndexOf("::") + 2) : ref;
        return providerInputsById.getOrDefault(id, Map.of());
    }

    /** The region (or location) of the provider a resource was registered with. */
    protected String regionOf(ResourceArgs args) {
        Object region = providerInputs(args).getOrDefault("region", args.inputs.getOrDefault("location", args.inputs.get("region")));
        return region == null ? "us-east-1" : region.toString();
    }

    protected String idFor(ResourceArgs args) {
        String prefix = switch (args.type) {
            case "aws:ec2/vpc:Vpc" -> "vpc-";
            case "aws:ec2/subnet:Subnet" -> "subnet-";
            case "aws:ec2/internetGateway:InternetGateway" -> "igw-";
            case "aws:ec2/natGateway:NatGateway" -> "nat-";
            case "aws:ec2/eip:Eip" -> "eipalloc-";
            case "aws:ec2/routeTable:RouteTable" -> "rtb-";
            case "aws:ec2/securityGroup:SecurityGroup" -> "sg-";
            case "aws:ec2transitgateway/transitGateway:TransitGateway" -> "tgw-";
            default -> "";
        };
        return prefix.isEmpty() ? args.name + "-" + hex(args.type + args.name, 7) : prefix + hex(args.name, 17);
    }

    /** Adds the computed outputs of the resource types whose outputs the program reads. */
    protected void outputsFor(ResourceArgs args, String id, Map<String, Object> state) {
        String region = regionOf(args);
        String physical = String.valueOf(state.computeIfAbsent("name", k -> args.name + "-" + hex(args.name, 7)));
        if (args.type.startsWith("aws:")) {
            String service = args.type.substring(4, args.type.indexOf('/'));
            boolean global = service.equals("iam");
            state.putIfAbsent("arn", "arn:aws:" + service + ":" + (global ? "" : region) + ":" + ACCOUNT + ":"
                    + args.type.substring(args.type.lastIndexOf(':') + 1).toLowerCase() + "/" + physical);
        }
        switch (args.type) {
            case "aws:ec2transitgateway/transitGateway:TransitGateway" -> {
                // EC2's ARN shape, not the generic one above: arn:aws:ec2:<region>:<account>:transit-gateway/<id>.
                state.put("arn", "arn:aws:ec2:" + region + ":" + ACCOUNT + ":transit-gateway/" + id);
                state.put("ownerId", ACCOUNT);
                state.put("associationDefaultRouteTableId", "tgw-rtb-" + hex(args.name, 17));
            }
            // The peering's own attachment id, which the policy table association takes as a required
            // input (aws networkmanager.TransitGatewayPeering output transitGatewayPeeringAttachmentId).
            case "aws:networkmanager/transitGatewayPeering:TransitGatewayPeering" ->
                    state.put("transitGatewayPeeringAttachmentId", "tgw-attach-" + hex(args.name + "/peering", 17));
            case "aws:ec2/vpnConnection:VpnConnection" -> {
                state.put("tunnel1Address", publicAddress(args.name + "/1"));
                state.put("tunnel2Address", publicAddress(args.name + "/2"));
            }
            case "gcp:compute/haVpnGateway:HaVpnGateway" -> state.put("vpnInterfaces", List.of(
                    Map.of("id", 0, "ipAddress", publicAddress(args.name + "/0")),
                    Map.of("id", 1, "ipAddress", publicAddress(args.name + "/1"))));
            case "azure-native:network:PublicIPAddress" -> state.put("ipAddress", publicAddress(args.name));
            case "gcp:compute/network:Network" -> state.put("selfLink", "https://www.googleapis.com/compute/v1/projects/" + projectOf(args)
                    + "/global/networks/" + physical);
            case "random:index/randomPassword:RandomPassword" -> state.put("result", "offline-plan-key-" + hex(args.name, 24));
            case "aws:eks/cluster:Cluster" -> {
                String oidcId = hex(args.name, 32).toUpperCase();
                state.put("endpoint", "https://" + oidcId + ".gr7." + region + ".eks.amazonaws.com");
                state.put("certificateAuthority", Map.of("data", FAKE_CA));
                state.put("identities", List.of(Map.of("oidcs", List.of(Map.of(
                        "issuer", "https://oidc.eks." + region + ".amazonaws.com/id/" + oidcId)))));
                @SuppressWarnings("unchecked")
                var vpcConfig = new HashMap<>((Map<String, Object>) args.inputs.getOrDefault("vpcConfig", Map.of()));
                vpcConfig.put("clusterSecurityGroupId", "sg-" + hex(args.name + "/cluster", 17));
                state.put("vpcConfig", vpcConfig);
            }
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> state.put("arn", "arn:aws:iam::" + ACCOUNT
                    + ":oidc-provider/" + String.valueOf(args.inputs.get("url")).replaceFirst("^https://", ""));
            case "gcp:container/cluster:Cluster" -> {
                String location = String.valueOf(args.inputs.getOrDefault("location", region));
                state.put("endpoint", "34." + octet(args.name, 0) + "." + octet(args.name, 1) + "." + octet(args.name, 2));
                state.put("masterAuth", Map.of("clusterCaCertificate", FAKE_CA));
                state.put("selfLink", "https://container.googleapis.com/v1/projects/" + projectOf(args)
                        + "/locations/" + location + "/clusters/" + physical);
            }
            case "gcp:serviceaccount/account:Account" -> state.put("email",
                    args.inputs.get("accountId") + "@" + projectOf(args) + ".iam.gserviceaccount.com");
            case "azure-native:containerservice:ManagedCluster" -> {
                state.put("fqdn", args.inputs.get("dnsPrefix") + "-" + hex(args.name, 8) + ".hcp." + region + ".azmk8s.io");
                state.put("oidcIssuerProfile", Map.of("enabled", true, "issuerURL",
                        "https://" + region + ".oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/" + hex(args.name, 36) + "/"));
            }
            case "azure-native:resources:ResourceGroup" -> state.put("name", args.inputs.getOrDefault("resourceGroupName", physical));
            case "aws:rds/instance:Instance" -> {
                state.put("identifier", physical);
                state.put("address", physical + "." + hex(args.name, 12) + "." + region + ".rds.amazonaws.com");
                if (Boolean.TRUE.equals(args.inputs.get("manageMasterUserPassword"))) {
                    state.put("masterUserSecrets", List.of(Map.of("secretArn", "arn:aws:secretsmanager:" + region + ":" + ACCOUNT
                            + ":secret:rds!db-" + hex(args.name, 8) + "-AbCdEf", "secretStatus", "active")));
                }
            }
            case "gcp:sql/databaseInstance:DatabaseInstance" -> {
                state.put("privateIpAddress", "10.200." + octet(args.name, 0) + "." + octet(args.name, 1));
                state.put("connectionName", projectOf(args) + ":" + region + ":" + physical);
            }
            case "tls:index/privateKey:PrivateKey" -> state.put("privateKeyPem",
                    "-----BEGIN EC PRIVATE KEY-----\nMULTISITE-OFFLINE-PLAN-KEY-" + hex(args.name, 16) + "\n-----END EC PRIVATE KEY-----\n");
            case "tls:index/selfSignedCert:SelfSignedCert" -> state.put("certPem",
                    "-----BEGIN CERTIFICATE-----\nMULTISITE-OFFLINE-PLAN-CA-" + hex(args.name, 16) + "\n-----END CERTIFICATE-----\n");
            case "azure-native:dbforpostgresql:Server" -> state.put("fullyQualifiedDomainName", physical + ".postgres.database.azure.com");
            case "azure-native:managedidentity:UserAssignedIdentity" -> {
                state.put("principalId", uuid(args.name + "/principal"));
                state.put("clientId", uuid(args.name + "/client"));
                state.put("tenantId", TENANT);
            }
            default -> {
            }
        }
    }

    /** A made-up public IPv4 address (in 198.18.0.0/15, the benchmarking range), stable per seed. */
    private static String publicAddress(String seed) {
        return "198." + (18 + octet(seed, 0) % 2) + "." + octet(seed, 1) + "." + Math.max(1, octet(seed, 2));
    }

    /** A made-up Entra ID object id (UUID form), stable per seed. */
    static String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20, 32);
    }

    private String projectOf(ResourceArgs args) {
        return String.valueOf(providerInputs(args).getOrDefault("project", "offline-project"));
    }

    private static int octet(String seed, int index) {
        return Integer.parseInt(hex(seed, 6).substring(index * 2, index * 2 + 2), 16);
    }

    static String hex(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            while (hex.length() < length) {
                hex = hex + hex;
            }
            return hex.substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
