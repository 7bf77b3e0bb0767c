package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a site's Kubernetes cluster comes from, with every fact about it the model needs. The
 * facts are constructor arguments, so a new provider does not compile until each is decided here;
 * what varies by provider elsewhere is a switch expression (CONTRIBUTING.md, "Add a cloud").
 */
public enum CloudProvider {
    /** Amazon EKS in its own VPC. */
    AWS(Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d"), "us-east-1", true, false, true, 2, "db.r6g.large"),
    /** Google GKE, VPC-native, in its own VPC. */
    GCP(Pattern.compile("[a-z]+-[a-z]+\\d{1,2}"), "europe-west1", true, true, true, 2, "db-custom-2-7680"),
    /** Azure AKS (azure-native) in its own virtual network. */
    AZURE(Pattern.compile("[a-z][a-z0-9]{2,30}"), "westeurope", true, true, false, 2, "Standard_D2ds_v5"),
    /** A cluster that already exists (bare metal, other providers), reached by kubeconfig. */
    EXISTING(Pattern.compile("[a-z0-9][a-z0-9-]{0,39}"), "fra-dc1", false, false, false, 1, null);

    private final Pattern region;
    private final String regionExample;
    private final boolean hasHub;
    private final boolean canPeer;
    private final boolean sixteenBitAsnOnly;
    private final int vpnGatewayAddresses;
    private final String defaultDatabaseClass;

    CloudProvider(Pattern region, String regionExample, boolean hasHub, boolean canPeer, boolean sixteenBitAsnOnly,
                  int vpnGatewayAddresses, String defaultDatabaseClass) {
        this.region = region;
        this.regionExample = regionExample;
        this.hasHub = hasHub;
        this.canPeer = canPeer;
        this.sixteenBitAsnOnly = sixteenBitAsnOnly;
        this.vpnGatewayAddresses = vpnGatewayAddresses;
        this.defaultDatabaseClass = defaultDatabaseClass;
    }

    /** The lowercase name used in stack config and in labels. */
    @JsonValue
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The shape of the provider's region names ({@code existing}: a free-form location). */
    public Pattern region() {
        return region;
    }

    public String regionExample() {
        return regionExample;
    }

    /** Whether the provider's sites join the interconnect through a hub of their own (cloud providers). */
    public boolean hasHub() {
        return hasHub;
    }

    /** Whether {@code network.interconnect.sameProviderLinks} may choose peering (VPC / global VNet peering). */
    public boolean canPeer() {
        return canPeer;
    }

    /** Whether the provider SDK's ASN field is a signed 32-bit integer, so only 16-bit private ASNs fit. */
    public boolean sixteenBitAsnOnly() {
        return sixteenBitAsnOnly;
    }

    /** Public addresses of a site's VPN gateway (cloud gateways are redundant pairs; an on-prem device has one). */
    public int vpnGatewayAddresses() {
        return vpnGatewayAddresses;
    }

    /** The data tier's default instance class; null where the stack provisions no database. */
    public String defaultDatabaseClass() {
        return defaultDatabaseClass;
    }

    /** The keys of the providers with a given capability. */
    public static List<String> keysWhere(java.util.function.Predicate<CloudProvider> capability) {
        return Arrays.stream(values()).filter(capability).map(CloudProvider::key).toList();
    }

    /** The same keys for a message: {@code aws, gcp or azure}. */
    public static String describeWhere(java.util.function.Predicate<CloudProvider> capability) {
        List<String> keys = keysWhere(capability);
        return keys.size() < 2 ? String.join("", keys)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }
}
