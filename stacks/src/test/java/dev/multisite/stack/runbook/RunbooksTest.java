package dev.multisite.stack.runbook;

import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.cli.PlanCommandTestAccess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The prod runbooks name the real sites, checks, drain switches, replica and promote command. */
class RunbooksTest {
    private static Map<String, String> files;

    @BeforeAll
    static void generate() {
        var stack = ExampleStacks.read("prod");
        files = Runbooks.generate("prod", stack.topology(), ExampleStacks.plan("prod"));
    }

    @Test
    void oneSiteDownRunbookPerSitePlusTheDatabaseAndSplitBrainOnes() {
        assertThat(files).containsOnlyKeys("README.md", "site-down-aws-use1.md", "site-down-aws-euw1.md", "site-down-gcp-euw4.md",
                "site-down-az-weu.md", "site-down-metal-fra.md", "onprem-vpn-metal-fra.md", "database-primary-failure.md", "split-brain.md",
                "global-service-unreachable-aws-use1.md", "global-service-unreachable-aws-euw1.md", "global-service-unreachable-gcp-euw4.md",
                "global-service-unreachable-az-weu.md", "global-service-unreachable-metal-fra.md");
    }

    @Test
    void aGlobalServiceRunbookChecksTheExportTheImportTheSitesDnsAndTheMesh() {
        String gke = files.get("global-service-unreachable-gcp-euw4.md");
        assertThat(gke).contains("# A global service is unreachable from `gcp-euw4`", "`hello.hello.svc.clusterset.local` | hello | "
                        + "aws-use1, aws-euw1, gcp-euw4, az-weu, metal-fra | no",
                "get serviceexport <name>", "kubectl --context gcp-euw4 -n <namespace> get serviceimport <name> -o yaml",
                "nslookup <name>.<namespace>.svc.clusterset.local", "get configmap kube-dns -o jsonpath='{.data.stubDomains}'",
                "cilium clustermesh status --context gcp-euw4 --wait --wait-duration 2m", "logs job/multisite-mesh-gate");
        // Each provider's DNS check is its own: the resolver address is the site's, the forwarding its cloud's.
        assertThat(files.get("global-service-unreachable-aws-use1.md")).contains("aws eks describe-addon --region us-east-1",
                "--addon-name coredns", "at 172.16.16.53").doesNotContain("stubDomains");
        assertThat(files.get("global-service-unreachable-az-weu.md")).contains("coredns-custom", "rollout restart deployment coredns");
        assertThat(files.get("global-service-unreachable-metal-fra.md")).contains("grep -n multicluster").doesNotContain(dev.multisite.topology.ClustersetDnsFacts.NAME);
    }

    @Test
    void aHubsSiteDownRunbookSaysThePathsMoveByThemselvesAndHowToWatchThem() {
        assertThat(files.get("site-down-aws-use1.md")).contains("`aws-use1` is the first aws hub. Losing its region cuts no other site off",
                "learn every range from `aws-euw1` as well", "aws networkmanager get-network-routes", "gcloud compute routers get-status",
                "az network vnet-gateway list-learned-routes").doesNotContain("loses its private path");
        assertThat(files.get("site-down-aws-euw1.md")).contains("`aws-euw1` is the second aws hub", "learn every range from `aws-use1` as well");
        assertThat(files.get("site-down-az-weu.md")).contains("`az-weu` is the only azure hub", "it is its provider's only site");
        assertThat(files.get("site-down-metal-fra.md")).doesNotContain("is a hub");
        assertThat(files.get("database-primary-failure.md")).contains("**Write path meanwhile:** writes fail until the promotion",
                "## Replication paths", "| aws-euw1 | aws-euw1--aws-use1 | none |").doesNotContain("Interconnect first");
        assertThat(files.get("README.md")).contains("## Inter-site network", "9 links, 24 IPsec tunnels",
                "No site's loss, with its region, cuts another site off", "s_aws_euw1 <==>|Cloud WAN| s_aws_use1");
    }

    @Test
    void theOnPremVpnRunbookListsEveryTunnelOfTheDeviceWithoutItsKeys() {
        String md = files.get("onprem-vpn-metal-fra.md");
        assertThat(md).contains("Device `203.0.113.10`, ASN 64605", "| aws-use1 (aws) | 0 |", "| gcp-euw4 (gcp) | 1 |", "| az-weu (azure) | 1 |",
                "`10.5.0.0/16`, `100.69.0.0/16`, `172.16.80.0/20`", "--show-secrets onPremVpn | jq '.\"metal-fra\"'");
        // Two tunnels to each of the three hubs.
        assertThat(md.lines().filter(l -> l.matches("\\| (aws-use1|gcp-euw4|az-weu) .*"))).hasSize(6);
        assertThat(md).doesNotContain("offline-plan-key");
    }

    @Test
    void siteDownNamesItsChecksBudgetDrainSwitchAndSurvivorCapacity() {
        String md = files.get("site-down-az-weu.md");
        assertThat(md).contains("# Site `az-weu` unavailable", "azure in westeurope", "cluster `az-weu-aks-",
                "https://az-weu.app.example.com/healthz", "Cloudflare pool `multisite-az-weu`",
                // prod's one DNS authority is Cloudflare (see DnsAuthority), so only its budget and drain apply.
                "cloudflare: 10 s interval x 2 failures + 5 s propagation + 0 s TTL = 25 s",
                "load_balancers/pools/", "400 of 500 capacity remains against a peak demand of 260",
                "| aws-use1 | aws | us-east-1 | 120 |");
        assertThat(md).doesNotContain("| az-weu |").doesNotContain("aws route53");
    }

    @Test
    void withRoute53AuthoritativeForTheHostnameTheRunbookUsesItsChecksAndDrainSwitches() {
        var data = ExampleStacks.read("data");
        var generated = Runbooks.generate("data", data.topology(), ExampleStacks.plan("data"));
        String md = generated.get("site-down-az-weu.md");
        assertThat(md).contains("`az-weu-check`", "every 10 s from us-east-1, eu-west-1, ap-southeast-1",
                "route53: 10 s interval x 2 failures + 10 s propagation + 15 s TTL = 45 s", "`az-weu-drain`", "aws route53 update-health-check --inverted");
        assertThat(md).doesNotContain("load_balancers/pools/");
        String split = generated.get("split-brain.md");
        assertThat(split).contains("| `www.app.example.org` | the stack (global hostname) | route53 (app.example.org) |",
                "| `az-weu.www.app.example.org` | ExternalDNS of az-weu (site name) | route53 (app.example.org) |",
                "| `az-weu.mesh.example.org` | ExternalDNS of az-weu (mesh apiserver) | cloudflare (example.org) |",
                "`app.example.org` is delegated from cloudflare (`example.org`) to route53 by NS records the stack creates");
        assertThat(generated.get("README.md")).contains("Route 53 (app.example.org) + Cloudflare (example.org)");
        // Per cloud, the upstream documents the setup follows and what only a real account can show.
        assertThat(generated.get("database-primary-failure.md")).contains("## Sources and limits", "**The data tier on aws** follows:",
                "**The data tier on gcp** follows:", "edition ENTERPRISE", "**The data tier on azure** follows:",
                "Microsoft.DBforPostgreSQL/flexibleServers", "Not verifiable without a real account:");
        assertThat(generated.get("site-down-az-weu.md")).contains("kubelogin `--login azurecli`", "`az-weu-deployer-cluster-admin`",
                "**Cluster access on azure** follows:", "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b");
        assertThat(generated.get("site-down-az-neu.md")).contains("kubelogin `--login workloadidentity`");
        assertThat(split).contains("Sources: RFC 1034 section 4.2");
    }

    @Test
    void databaseFailureNamesTheReplicaToPromoteTheFenceAndTheRepoint() {
        String md = files.get("database-primary-failure.md");
        assertThat(md).contains("Write primary: `aws-use1-db` in aws-use1 (aws, us-east-1)", "Fence the old primary",
                "Values=aws-use1-db-sg-*", "Promote `aws-euw1-db`", "promote: aws-euw1", "pulumi up --stack prod",
                "aws rds promote-read-replica --region eu-west-1", "databasePrimaries");
    }

    @Test
    void splitBrainNamesTheAuthorityAndWhatEachSiteDoes() {
        String md = files.get("split-brain.md");
        assertThat(md).contains("All writes are authoritative at `aws-use1`", "| gcp-euw4 | gcp | writes fail (fail closed) | fail",
                "| aws-euw1 | aws | writes fail (fail closed) | continue from the local replica");
    }

    @Test
    void theIndexHasTheDiagramAndTheProviderLossTable() {
        String md = files.get("README.md");
        assertThat(md).contains("```mermaid", "subgraph gcp [gcp]", "db: primary", "db ==>|all partition authority| s_aws_use1",
                "| aws | aws-use1, aws-euw1 | 280 | yes |");
    }

    @Test
    void theCommandWritesTheFiles(@TempDir Path dir) throws Exception {
        var r = PlanCommandTestAccess.run("runbook", "--stack-file", ExampleStacks.file("prod").toString(), "--out", dir.toString());
        assertThat(r).isZero();
        assertThat(Files.readString(dir.resolve("split-brain.md"))).startsWith("# Split brain");
    }

    @Test
    void inFleetModeEachProcedureNamesThePartsItUpdates() {
        assertThat(files.get("README.md")).contains("## Fleet mode: which part each procedure updates",
                "| site az-weu drifted or rebuilt | site-az-weu |",
                "| hubs changed (`network.interconnect.hubs`) | site-aws-use1, site-aws-euw1, site-gcp-euw4, site-az-weu, site-metal-fra, wan-attachments, links |",
                "| database promotion or moved authority | data, data-endpoints |");
        assertThat(files.get("site-down-gcp-euw4.md")).contains("In fleet mode, update only part `site-gcp-euw4`: "
                + "`./multisite fleet up --stack prod --only site-gcp-euw4`.");
        assertThat(files.get("database-primary-failure.md")).contains("# fleet mode instead: ./multisite fleet up --stack prod --only data data-endpoints",
                "(fleet mode: `--stack prod-data`)");
        assertThat(files.get("onprem-vpn-metal-fra.md")).contains("pulumi stack output --stack prod-links --show-secrets onPremVpn");
    }
}
