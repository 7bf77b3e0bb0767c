package dev.multisite.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The smallest valid topology for the components' args tests (active-active needs two sites:
 * aws-use1 and gcp-euw4), with an optional top-level block ({@code traffic}, {@code data}), and
 * stand-in {@link Site}s for args that only hold a reference to one.
 */
public final class TwoSites {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String SITES = """
            domain: example.com
            environment: production
            sites:
              - name: aws-use1
                provider: aws
                region: us-east-1
                capacity: 100
                network: {vpcCidr: 10.1.0.0/16, podCidr: 100.65.0.0/16, serviceCidr: 172.16.16.0/20}
                mesh: {clusterId: 1}
                kubernetes:
                  version: "1.31"
                  apiAccessCidrs: [203.0.113.0/24]
                  nodePools: [{name: system, machineType: m6i.large, min: 2, max: 4}]
              - name: gcp-euw4
                provider: gcp
                region: europe-west4
                capacity: 100
                network: {vpcCidr: 10.2.0.0/16, podCidr: 100.66.0.0/16, serviceCidr: 172.16.32.0/20}
                mesh: {clusterId: 2}
                kubernetes:
                  version: "1.31"
                  apiAccessCidrs: [203.0.113.0/24]
                  nodePools: [{name: system, machineType: e2-standard-4, min: 2, max: 6}]
                gcp: {project: multisite-test-gcp, masterIpv4Cidr: 192.168.2.0/28}
            """;

    private TwoSites() {
    }

    /** The two sites alone. */
    public static Topology topology() {
        return topology(null, null);
    }

    /** The two sites with one more top-level block (YAML flow or block text), or none when {@code block} is null. */
    public static Topology topology(String block, String yaml) {
        try {
            ObjectNode doc = (ObjectNode) YAML.readTree(SITES);
            if (block != null) {
                doc.set(block, YAML.readTree(yaml));
            }
            return TopologyParser.parse(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stand-in site for each site of the topology. */
    public static List<Site> sites(Topology topology) {
        return topology.sites().stream().map(StubSite::of).toList();
    }
}
