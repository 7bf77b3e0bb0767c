package dev.multisite.network;

import com.pulumi.core.annotations.Export;

import java.util.List;
import java.util.Map;

/**
 * What an {@code existing} site's VPN device needs for one tunnel to a cloud hub (an element of the
 * secret output {@code onPremVpn}). Only {@code @Export} fields: the shape the SDK serializes, and the
 * package schema writes its type from.
 */
public final class OnPremTunnel {
    @Export(name = "site")
    private String site;
    @Export(name = "hub")
    private String hub;
    @Export(name = "hubProvider")
    private String hubProvider;
    @Export(name = "tunnel")
    private Integer tunnel;
    @Export(name = "cloudGatewayAddress")
    private String cloudGatewayAddress;
    @Export(name = "localAddress")
    private String localAddress;
    @Export(name = "insideCidr")
    private String insideCidr;
    @Export(name = "cloudInsideAddress")
    private String cloudInsideAddress;
    @Export(name = "localInsideAddress")
    private String localInsideAddress;
    @Export(name = "cloudAsn")
    private String cloudAsn;
    @Export(name = "localAsn")
    private String localAsn;
    @Export(name = "announce")
    private List<String> announce;
    @Export(name = "ike")
    private String ike;
    @Export(name = "presharedKey")
    private String presharedKey;
    @Export(name = "notes")
    private List<String> notes;

    public OnPremTunnel() {
    }

    OnPremTunnel(String site, String hub, String hubProvider, int tunnel, String cloudGatewayAddress, String localAddress, String insideCidr,
                 String cloudInsideAddress, String localInsideAddress, String cloudAsn, String localAsn, List<String> announce,
                 String presharedKey, List<String> notes) {
        this.site = site;
        this.hub = hub;
        this.hubProvider = hubProvider;
        this.tunnel = tunnel;
        this.cloudGatewayAddress = cloudGatewayAddress;
        this.localAddress = localAddress;
        this.insideCidr = insideCidr;
        this.cloudInsideAddress = cloudInsideAddress;
        this.localInsideAddress = localInsideAddress;
        this.cloudAsn = cloudAsn;
        this.localAsn = localAsn;
        this.announce = announce;
        this.ike = "IKEv2";
        this.presharedKey = presharedKey;
        this.notes = notes;
    }

    public String site() {
        return site;
    }

    /** The same facts as a map, in declaration order (the stack output's key order). */
    public Map<String, Object> toMap() {
        return ExportedFields.of(this);
    }
}
