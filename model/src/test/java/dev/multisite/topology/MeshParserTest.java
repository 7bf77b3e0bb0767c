package dev.multisite.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MeshParserTest {

    private static String problemOf(String mesh) {
        return Fixtures.singleProblem(withMesh(mesh));
    }

    @Test
    void defaultsAreAnEnabledVxlanMeshWithWireguard() {
        var mesh = TopologyParser.parse(Fixtures.valid()).mesh();
        assertThat(mesh.enabled()).isTrue();
        assertThat(mesh.datapath()).isEqualTo(MeshOptions.Datapath.TUNNEL_VXLAN);
        assertThat(mesh.encryption()).isEqualTo(MeshOptions.Encryption.WIREGUARD);
        assertThat(MeshOptions.apiserverAddress("eu-1", "example.com")).isEqualTo("eu-1.mesh.example.com");
    }

    @Test
    void nativeRoutingNeedsARangeCoveringEveryPodCidr() {
        assertThat(problemOf("{datapath: native}")).startsWith("mesh.ipv4NativeRoutingCidr: required with datapath native");
        assertThat(problemOf("{datapath: native, ipv4NativeRoutingCidr: 100.64.0.0/14}"))
                .isEqualTo("mesh.ipv4NativeRoutingCidr: 100.64.0.0/14 does not cover metal-fra's pod CIDR 100.68.0.0/16;"
                        + " native routing needs one range that contains every site's pods");
        assertThat(TopologyParser.parse(withMesh("{datapath: native, ipv4NativeRoutingCidr: 100.64.0.0/10}")).mesh().datapath())
                .isEqualTo(MeshOptions.Datapath.NATIVE);
    }

    @Test
    void oneDatapathForTheWholeMesh() {
        assertThat(problemOf("{datapath: [tunnel-vxlan, native]}")).startsWith("mesh.datapath: expected one of tunnel-vxlan, tunnel-geneve, native");
        assertThat(problemOf("{datapath: ipip}")).isEqualTo("mesh.datapath: 'ipip' is not allowed; use one of tunnel-vxlan, tunnel-geneve, native");
    }

    @Test
    void aNativeRoutingRangeWithATunnelIsAMistake() {
        assertThat(problemOf("{ipv4NativeRoutingCidr: 100.64.0.0/10}")).startsWith("mesh.ipv4NativeRoutingCidr: set with datapath tunnel-vxlan");
    }

    @Test
    void unsupportedChartVersion() {
        assertThat(problemOf("{chartVersion: '1.14.2'}")).startsWith("mesh.chartVersion: '1.14.2' is not a supported Cilium chart version");
    }

    @Test
    void globalServiceAffinity() {
        assertThat(problemOf("{globalServices: [{namespace: shop, name: cart, affinity: nearest}]}"))
                .isEqualTo("mesh.globalServices[0].affinity: 'nearest' is not allowed; use local, remote or none");
    }

    @Test
    void theMeshCannotBeSwitchedOffWhileEksOrAksSitesDependOnItsCilium() {
        var thrown = catchThrowableOfType(() -> TopologyParser.parse(withMesh("{enabled: false}")), TopologyException.class);
        assertThat(thrown.problems()).containsExactly(
                "mesh.enabled: false, but sites[aws-use1] (aws) has no other CNI than the mesh's Cilium; keep mesh.enabled true",
                "mesh.enabled: false, but sites[az-weu] (azure) has no other CNI than the mesh's Cilium; keep mesh.enabled true");
    }

    private static ObjectNode withMesh(String mesh) {
        ObjectNode doc = Fixtures.valid();
        doc.set("mesh", Fixtures.yaml(mesh));
        return doc;
    }
}
