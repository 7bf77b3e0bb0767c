package dev.multisite.fleet;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;

/**
 * {@code traffic.dns[].clouddns}: a Google Cloud DNS public managed zone with routing policies.
 * Getters return null for an absent key.
 */
public final class CloudDnsArgs extends ResourceArgs {

    /** The managed zone's resource name, e.g. {@code example-org}. */
    @Import(name = "managedZone", required = true)
    private String managedZone;

    /** The project holding the zone. */
    @Import(name = "project", required = true)
    private String project;

    /** The zone's DNS name, the names it is authoritative for; default the stack's domain. */
    @Import(name = "zone", required = false)
    private String zone;

    /** Site -> the public IPv4 address of its ingress (the health-checked external endpoint). */
    @Import(name = "endpoints", required = false)
    private Map<String, String> endpoints;

    /** The three Google Cloud regions the health checks probe from; default us-east4, europe-west1, asia-southeast1. */
    @Import(name = "sourceRegions", required = false)
    private List<String> sourceRegions;

    /** Site -> the Google Cloud region whose users it serves (geo, failover); default a GKE site's region. */
    @Import(name = "locations", required = false)
    private Map<String, String> locations;

    public CloudDnsArgs() {
    }

    public String managedZone() {
        return managedZone;
    }

    public String project() {
        return project;
    }

    public String zone() {
        return zone;
    }

    public Map<String, String> endpoints() {
        return endpoints;
    }

    public List<String> sourceRegions() {
        return sourceRegions;
    }

    public Map<String, String> locations() {
        return locations;
    }
}
