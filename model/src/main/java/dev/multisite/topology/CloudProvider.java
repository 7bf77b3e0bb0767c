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
    AWS(new Facts(Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d"), "us-east-1", true, false, true, 2, "db.r6g.large")),
    /** Google GKE, VPC-native, in its own VPC. */
    GCP(new Facts(Pattern.compile("[a-z]+-[a-z]+\\d{1,2}"), "europe-west1", true, true, true, 2, "db-custom-2-7680")),
    /** Azure AKS (azure-native) in its own virtual network. */
    AZURE(new Facts(Pattern.compile("[a-z][a-z0-9]{2,30}"), "westeurope", true, true, false, 2, "Standard_D2ds_v5")),
    /** A cluster that already exists (bare metal, other providers), reached by kubeconfig. */
    EXISTING(new Facts(Pattern.compile("[a-z0-9][a-z0-9-]{0,39}"), "fra-dc1", false, false, false, 1, null));

    /**
     * What the model knows about a provider: one record, so each provider states every fact in one place.
     *
     * @param region               the shape of the provider's region names ({@code existing}: a free-form location)
     * @param regionExample        a region name for messages
     * @param hasHub               whether the provider's sites join the interconnect through a hub of their own (cloud providers)
     * @param canPeer              whether {@code network.interconnect.sameProviderLinks} may choose peering (VPC / global VNet peering)
     * @param sixteenBitAsnOnly    whether the provider SDK's ASN field is a signed 32-bit integer, so only 16-bit private ASNs fit
     * @param vpnGatewayAddresses  public addresses of a site's VPN gateway (cloud gateways are redundant pairs; an on-prem device has one)
     * @param defaultDatabaseClass the data tier's default instance class; null where the stack provisions no database
     */
    public record Facts(Pattern region, String regionExample, boolean hasHub, boolean canPeer, boolean sixteenBitAsnOnly,
                        int vpnGatewayAddresses, String defaultDatabaseClass) {
    }

    private final Facts facts;

    CloudProvider(Facts facts) {
        this.facts = facts;
    }

    /** The lowercase name used in stack config and in labels. */
    @JsonValue
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Facts facts() {
        return facts;
    }

    /** The keys of the providers with a given capability. */
    public static List<String> keysWhere(java.util.function.Predicate<Facts> capability) {
        return Arrays.stream(values()).filter(p -> capability.test(p.facts)).map(CloudProvider::key).toList();
    }

    /** The same keys for a message: {@code aws, gcp or azure}. */
    public static String describeWhere(java.util.function.Predicate<Facts> capability) {
        List<String> keys = keysWhere(capability);
        return keys.size() < 2 ? String.join("", keys)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }
}
