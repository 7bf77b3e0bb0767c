package dev.multisite.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A small valid topology for the components' own tests: two AWS sites in two regions and one GCP site. */
public final class ThreeSites {
    public static final String YAML = """
            domain: t.example.com
            environment: development
            sites:
              - name: aws-use1
                provider: aws
                region: us-east-1
                capacity: 50
                network: {vpcCidr: 10.10.0.0/16, podCidr: 100.80.0.0/16, serviceCidr: 172.20.0.0/20, asn: 64601}
                mesh: {clusterId: 1}
                kubernetes:
                  version: "1.31"
                  apiAccessCidrs: [203.0.113.0/24]
                  nodePools: [{name: system, machineType: t3.large, min: 1, max: 3}]
              - name: aws-euw1
                provider: aws
                region: eu-west-1
                capacity: 50
                network: {vpcCidr: 10.11.0.0/16, podCidr: 100.81.0.0/16, serviceCidr: 172.20.16.0/20, asn: 64602}
                mesh: {clusterId: 2}
                kubernetes:
                  version: "1.31"
                  apiAccessCidrs: [203.0.113.0/24]
                  nodePools: [{name: system, machineType: t3.large, min: 1, max: 3}]
              - name: gcp-euw4
                provider: gcp
                region: europe-west4
                capacity: 50
                network: {vpcCidr: 10.12.0.0/16, podCidr: 100.82.0.0/16, serviceCidr: 172.20.32.0/20, asn: 64603}
                mesh: {clusterId: 3}
                kubernetes:
                  version: "1.31"
                  apiAccessCidrs: [203.0.113.0/24]
                  nodePools: [{name: system, machineType: e2-standard-4, min: 1, max: 3}]
                gcp: {project: multisite-components, masterIpv4Cidr: 192.168.10.0/28}
            """;

    private ThreeSites() {
    }

    public static JsonNode tree() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
