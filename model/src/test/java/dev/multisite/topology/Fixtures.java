package dev.multisite.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A valid four-site topology (one site per provider) that tests copy and break one field at a time. */
public final class Fixtures {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static final String VALID = """
            domain: example.com
            environment: production
            peakDemand: 200
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
                  nodePools:
                    - {name: system, machineType: m6i.large, min: 2, max: 4}
                    - {name: apps, machineType: m6i.xlarge, min: 3, max: 9}
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
              - name: az-weu
                provider: azure
                region: westeurope
                capacity: 100
                network: {vpcCidr: 10.3.0.0/16, podCidr: 100.67.0.0/16, serviceCidr: 172.16.48.0/20}
                mesh: {clusterId: 3}
                kubernetes:
                  version: "1.31"
                  apiAccessCidrs: [203.0.113.0/24]
                  nodePools: [{name: system, machineType: Standard_D4s_v5, min: 2, max: 6}]
                azure: {resourceGroup: rg-multisite-test}
              - name: metal-fra
                provider: existing
                region: fra-dc1
                capacity: 50
                network: {vpcCidr: 10.4.0.0/16, podCidr: 100.68.0.0/16, serviceCidr: 172.16.64.0/20}
                mesh: {clusterId: 4}
                kubernetes: {version: "1.31"}
                existing: {kubeconfig: metal-fra-kubeconfig, vpn: {publicIp: 203.0.113.10}}
            """;

    private Fixtures() {
    }

    /** A fresh, mutable copy of {@link #VALID}. */
    public static ObjectNode valid() {
        return yaml(VALID);
    }

    public static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a topology that must be rejected for exactly one reason, and returns that reason. */
    public static String singleProblem(ObjectNode doc) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(TopologyException.class, () -> TopologyParser.parse(doc));
        org.assertj.core.api.Assertions.assertThat(thrown).as("the broken topology must be rejected").isNotNull();
        org.assertj.core.api.Assertions.assertThat(thrown.problems()).as("exactly one problem for one broken field").hasSize(1);
        return thrown.problems().get(0);
    }

    /** The one problem of the valid topology after {@code breakIt} changed it. */
    public static String problemOf(java.util.function.Consumer<ObjectNode> breakIt) {
        ObjectNode doc = valid();
        breakIt.accept(doc);
        return singleProblem(doc);
    }

    /** Site {@code index} of a topology document, to break one of its fields. */
    public static ObjectNode site(ObjectNode topology, int index) {
        return (ObjectNode) topology.withArray("sites").get(index);
    }
}
