package dev.multisite.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.multisite.data.DatabaseTopology;
import dev.multisite.gitops.GitOps;
import dev.multisite.mesh.ClusterMesh;
import dev.multisite.mesh.ClusterMeshArgs;
import dev.multisite.data.DatabaseTopologyArgs;
import dev.multisite.site.KeyedOutputs;
import dev.multisite.network.Interconnect;
import dev.multisite.site.Site;
import dev.multisite.topology.CloudProvider;
import dev.multisite.site.Sites;
import dev.multisite.topology.Topology;
import dev.multisite.traffic.DnsBackends;
import dev.multisite.traffic.ExternalDns;
import dev.multisite.traffic.ExternalDnsArgs;
import dev.multisite.traffic.GlobalEndpoint;
import dev.multisite.traffic.GlobalEndpointArgs;
import dev.multisite.traffic.HealthApp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The composition: turns a valid {@link Topology} into the stack's resources and outputs. It reads
 * no config itself, so the real program and the offline plan run exactly the same code.
 */
public final class MultisiteStack {
    private MultisiteStack() {
    }

    /** Registers every resource of the topology and the stack outputs; returns the sites. */
    public static List<Site> define(Context ctx, Topology topology, SecretConfig secrets) {
        // The parser validated it; a topology built in code gets the same checks before any child exists.
        topology.validated();
        List<Site> sites = new ArrayList<>();
        for (var spec : topology.sites()) {
            sites.add(Sites.create(spec, secrets::require, ComponentResourceOptions.Empty));
        }
        ctx.export("siteNames", Output.of(sites.stream().map(Site::name).toList()));
        ctx.export("clusterNames", byName(sites, Site::clusterName));
        ctx.export("clusterEndpoints", byName(sites, Site::endpoint));
        ctx.export("kubeconfigs", byName(sites, Site::kubeconfig).asSecret());
        if (topology.network().interconnect().enabled()) {
            var interconnect = new Interconnect("interconnect", topology, sites, ComponentResourceOptions.Empty);
            ctx.export("interconnect", Output.of(interconnect.summary()));
            if (topology.sites().stream().anyMatch(s -> s.provider() == CloudProvider.EXISTING)) {
                ctx.export("onPremVpn", interconnect.onPremVpn);
            }
        }
        if (topology.traffic() != null) {
            defineTraffic(ctx, topology, sites, secrets);
        }
        if (topology.mesh().enabled()) {
            var mesh = new ClusterMesh("mesh", new ClusterMeshArgs(topology, sites), ComponentResourceOptions.Empty);
            ctx.export("meshApiserverAddresses", Output.of(mesh.apiserverAddresses));
            for (Site site : sites) {
                // EKS sites are created without CoreDNS (Cilium is their CNI); it follows the CNI.
                Sites.completeAfterCni(site, mesh.ciliumRelease(site.name()));
            }
        }
        if (topology.gitops() != null) {
            new GitOps("gitops", topology, sites, ComponentResourceOptions.Empty);
        }
        if (topology.data() != null) {
            var data = new DatabaseTopology("data", new DatabaseTopologyArgs(topology, sites), ComponentResourceOptions.Empty);
            ctx.export("databasePrimaries", Output.of(data.primaries));
            ctx.export("databaseWriteEndpoints", data.writeEndpoints);
            ctx.export("databaseReplicas", data.replicas);
            ctx.export("databaseInstances", data.instances);
        }
        return sites;
    }

    /** Global DNS with health checks, ExternalDNS and the deep health app in every site. */
    private static void defineTraffic(Context ctx, Topology topology, List<Site> sites, SecretConfig secrets) {
        var traffic = topology.traffic();
        var cloudflare = DnsBackends.cloudflare(traffic);
        Output<String> cloudflareToken = cloudflare.map(cf -> secrets.require(cf.apiToken())).orElse(null);
        var endpoint = new GlobalEndpoint("global", new GlobalEndpointArgs(topology, cloudflareToken), ComponentResourceOptions.Empty);
        for (Site site : sites) {
            var underSite = ComponentResourceOptions.builder().parent(site.resource()).build();
            // One instance per backend that is authoritative for some of the site's names.
            for (var dns : DnsBackends.forSite(site.name(), topology)) {
                new ExternalDns(site.name() + "-external-dns" + dns.suffix(), new ExternalDnsArgs(site, traffic, topology.domain(),
                        dns.backend(), "multisite-" + ctx.stackName() + "-" + site.name() + dns.suffix(), endpoint.awsGlobal, cloudflareToken,
                        ExternalDnsArgs.DEFAULT_CHART_VERSION, dns.domainFilters(), dns.releaseName(), dns.namespace()), underSite);
            }
            new HealthApp(site.name() + "-healthz", site, traffic, underSite);
        }
        ctx.export("globalHostname", Output.of(traffic.hostname()));
        ctx.export("failoverBudgetSeconds", Output.of(endpoint.failoverBudgetSeconds));
        ctx.export("drainSwitches", endpoint.drainSwitches);
        ctx.export("healthChecks", endpoint.healthChecks);
        ctx.export("cloudflarePools", endpoint.cloudflarePools);
        cloudflare.ifPresent(cf -> ctx.export("cloudflareAccountId", Output.of(cf.accountId())));
    }

    /** One map output keyed by site name, e.g. {@code clusterEndpoints: {aws-use1: https://...}}. */
    static Output<Map<String, String>> byName(List<Site> sites, java.util.function.Function<Site, Output<String>> value) {
        return KeyedOutputs.of(sites.stream().map(Site::name).toList(), sites.stream().map(value).toList());
    }
}
