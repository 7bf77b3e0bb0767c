package dev.multisite.topology;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gitops.apps[].globalServices}: what parses, and one clear line for each value refused. */
class GlobalServicesParserTest {
    private static final String APPS = "{repoUrl: 'https://github.com/acme/apps.git', apps: [%s]}";
    private static final String HELLO = "{name: hello, path: apps/hello, namespace: hello, globalServices: [%s]}";

    /** The fixture with its existing site on Kubernetes 1.35 (CoreDNS 1.12.2+) and {@code gitops} set to {@code apps}. */
    private static ObjectNode withApps(String apps) {
        ObjectNode doc = Fixtures.valid();
        ((ObjectNode) Fixtures.site(doc, 3).path("kubernetes")).put("version", "1.35");
        doc.set("gitops", Fixtures.yaml(APPS.formatted(apps)));
        return doc;
    }

    private static String problem(String apps) {
        return Fixtures.singleProblem(withApps(apps));
    }

    @Test
    void aGlobalServiceParsesWithItsDefaults() {
        var gitops = TopologyParser.parse(withApps(HELLO.formatted("{name: hello}, {name: hello-db, headless: true}"))).gitops();
        var services = gitops.apps().get(0).globalServices();
        assertThat(services).extracting(GitOpsSettings.ExportedService::name).containsExactly("hello", "hello-db");
        assertThat(services).extracting(GitOpsSettings.ExportedService::headless).containsExactly(false, true);
        assertThat(gitops.exportsGlobalServices()).isTrue();
        assertThat(gitops.exportsHeadlessServices()).isTrue();
        assertThat(ClustersetDnsFacts.serviceName("hello", "hello")).isEqualTo("hello.hello.svc.clusterset.local");
    }

    @Test
    void anAppWithoutGlobalServicesExportsNothing() {
        var gitops = TopologyParser.parse(withApps("{name: a, path: apps/a, namespace: a}")).gitops();
        assertThat(gitops.apps().get(0).globalServices()).isEmpty();
        assertThat(gitops.exportsGlobalServices()).isFalse();
    }

    @Test
    void aServiceNameThatIsNotAnRfc1035Label() {
        assertThat(problem(HELLO.formatted("{name: 9hello}")))
                .isEqualTo("gitops.apps[hello].globalServices[0].name: '9hello' is not a Service name; use an RFC 1035 label "
                        + "[a-z]([-a-z0-9]{0,61}[a-z0-9])? (at most 63 characters)");
        assertThat(problem(HELLO.formatted("{name: " + "a".repeat(64) + "}"))).contains("is not a Service name");
    }

    @Test
    void aServiceWithoutAName() {
        assertThat(problem(HELLO.formatted("{headless: true}")))
                .isEqualTo("gitops.apps[hello].globalServices[0].name: required; the name of a Service the app deploys");
    }

    @Test
    void theSameServiceExportedByTwoApps() {
        assertThat(problem(HELLO.formatted("{name: hello}") + ", {name: hello2, path: apps/hello, namespace: hello, globalServices: [{name: hello}]}"))
                .isEqualTo("gitops.apps[hello2].globalServices[0].name: 'hello' in namespace hello is already exported by app hello; "
                        + "a Service is exported once, by the app that deploys it");
    }

    @Test
    void anUnknownKeyIsRefusedWithAHint() {
        assertThat(problem(HELLO.formatted("{name: hello, headles: true}"))).contains("headles").contains("headless");
    }

    @Test
    void globalServicesNeedTheMesh() {
        ObjectNode doc = withApps(HELLO.formatted("{name: hello}"));
        doc.set("mesh", Fixtures.yaml("{enabled: false}"));
        // mesh.enabled false is already refused for the aws and azure sites; keep only gcp and existing.
        var sites = (com.fasterxml.jackson.databind.node.ArrayNode) doc.path("sites");
        sites.remove(2);
        sites.remove(0);
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(TopologyException.class, () -> TopologyParser.parse(doc));
        assertThat(thrown).isNotNull();
        assertThat(thrown.problems()).contains("gitops.apps[].globalServices: needs mesh.enabled true: global services are exported over the Cilium Cluster Mesh");
    }

    @Test
    void aCiliumChartWithoutTheMcsValues() {
        ObjectNode doc = withApps(HELLO.formatted("{name: hello}"));
        doc.set("mesh", Fixtures.yaml("{chartVersion: 1.19.4}"));
        assertThat(Fixtures.singleProblem(doc)).isEqualTo("mesh.chartVersion: '1.19.4' has no Multi-Cluster Services values Multisite can check; "
                + "global services need Cilium 1.20.0 or later, e.g. " + MeshOptions.DEFAULT_CHART_VERSION);
    }

    @Test
    void anExistingSiteWhoseCoreDnsIsTooOld() {
        ObjectNode doc = withApps(HELLO.formatted("{name: hello}"));
        ((ObjectNode) Fixtures.site(doc, 3).path("kubernetes")).put("version", "1.31");
        assertThat(Fixtures.singleProblem(doc)).isEqualTo("sites[metal-fra].kubernetes.version: '1.31': global services need the cluster's CoreDNS "
                + "1.12.2 or later, installed by default from Kubernetes 1.35 (Cilium's Multi-Cluster Services guide); upgrade the cluster "
                + "and declare its version, or export no global service");
    }

    @Test
    void aGkeSiteCannotForwardTheClustersetAndTheAzureDatabaseZonesThroughOneStubDomainsEntry() {
        ObjectNode doc = withApps(HELLO.formatted("{name: hello}"));
        doc.set("data", Fixtures.yaml("{mode: primary-replica, primary: az-weu, replicas: all, engine: {version: \"14\"}}"));
        assertThat(Fixtures.singleProblem(doc)).isEqualTo("gitops.apps[].globalServices: site gcp-euw4 (gcp) would forward clusterset.local and "
                + "postgres.database.azure.com through kube-dns's one stubDomains entry, which two patches cannot share; export no global "
                + "service while an Azure site holds a database primary, or move the primaries off Azure");
        // The AWS site forwards the two zones by two means (CoreDNS server block, Route 53 Resolver rule): no conflict.
        assertThat(ForwardedZones.oneEntryForEveryZone(CloudProvider.AWS)).isFalse();
        // Without the Azure primary, the GKE site forwards clusterset.local alone.
        doc.set("data", Fixtures.yaml("{mode: primary-replica, primary: aws-use1, replicas: all}"));
        assertThat(TopologyParser.parse(doc).gitops().exportsGlobalServices()).isTrue();
    }

    @Test
    void theResolverAddressIsInTheServiceRangesStaticBand() {
        SiteSpec site = TopologyParser.parse(withApps(HELLO.formatted("{name: hello}"))).sites().get(0);
        assertThat(ClustersetDnsFacts.resolverIp(site)).isEqualTo(site.network().serviceCidr().address(53));
        // KEP-3070: the static band is min(max(16, size/16), 256) addresses from the start of the range.
        long band = Math.min(Math.max(16, site.network().serviceCidr().size() / 16), 256);
        assertThat((long) ClustersetDnsFacts.CLUSTER_IP_OFFSET).isLessThan(band);
        assertThat(ClustersetDnsFacts.IMAGE).as("CoreDNS 1.12.2 or later").matches(".*:1\\.(1[2-9]|[2-9]\\d)\\.\\d+")
                .satisfies(image -> assertThat(image.endsWith(":1.12.0") || image.endsWith(":1.12.1")).isFalse());
    }
}
