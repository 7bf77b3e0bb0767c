package dev.multisite.traffic;

import com.pulumi.aws.Provider;
import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.Route53Functions;
import com.pulumi.aws.route53.inputs.GetZoneArgs;
import com.pulumi.aws.route53.inputs.RecordFailoverRoutingPolicyArgs;
import com.pulumi.aws.route53.inputs.RecordGeolocationRoutingPolicyArgs;
import com.pulumi.aws.route53.inputs.RecordLatencyRoutingPolicyArgs;
import com.pulumi.aws.route53.inputs.RecordWeightedRoutingPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.multisite.bindings.CloudflareLoadBalancer;
import dev.multisite.bindings.CloudflareLoadBalancerMonitor;
import dev.multisite.bindings.CloudflareLoadBalancerPool;
import dev.multisite.bindings.CloudflareProvider;
import dev.multisite.bindings.CloudflareRecord;
import dev.multisite.bindings.GcpCloudDnsProvider;
import dev.multisite.bindings.GcpHealthCheck;
import dev.multisite.bindings.GcpRecordSet;
import dev.multisite.site.KeyedOutputs;
import dev.multisite.topology.DnsAuthority;
import dev.multisite.topology.DnsBackend;
import dev.multisite.topology.FailoverBudget;
import dev.multisite.topology.LatencyRegions;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TrafficSettings;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global hostname, built on the one backend authoritative for it ({@link DnsAuthority}) from
 * the health definition, and the NS records that delegate the other backend's subzone.
 *
 * <p>Route 53, per site: a health check of {@code <site>.<hostname>} + path; a drain switch (a
 * calculated check with no children, healthy until someone sets it {@code Inverted}); a calculated
 * "serving" check that is healthy only while both are; and one record of the global hostname with
 * the routing policy, the site as set identifier and the serving check attached. Draining a site
 * is flipping one switch, no record changes, and {@code pulumi up} does not undo a drain in progress.
 *
 * <p>Cloudflare: one monitor, one pool per site, and a load balancer on the global hostname
 * steering over the pools, falling back to the largest site.
 *
 * <p>Delegation: when Cloudflare holds a subzone of the Route 53 zone (a Cloudflare "subdomain
 * setup", Enterprise only), the hosted zone gets an NS record set of the name servers Cloudflare
 * assigned to it ({@code cloudflare.nameServers}). When Route 53 holds a subzone of the Cloudflare zone, the Cloudflare zone gets
 * one NS record per name server of the hosted zone (read with {@code aws:route53/getZone}; Route
 * 53 gives every hosted zone a delegation set of four name servers, AWS "NS and SOA records that
 * Amazon Route 53 creates for a public hosted zone"; Cloudflare "Subdomain setup" describes
 * exactly those NS records in the parent zone).
 */
public final class GlobalEndpoint extends ComponentResource {
    public static final String TYPE = "multisite:traffic:GlobalEndpoint";

    /** The AWS provider for global resources (Route 53, IAM), or null without a Route 53 backend. */
    public final Provider awsGlobal;
    /** Site -> id of its Route 53 drain switch. */
    public final Output<Map<String, String>> drainSwitches;
    /** Site -> id of its Route 53 health check of the deep health app. */
    public final Output<Map<String, String>> healthChecks;
    /** Site -> id of its Cloudflare pool. */
    public final Output<Map<String, String>> cloudflarePools;
    /** Site -> id of the Cloud DNS health check that probes its endpoint (one check, shared by the routing policy). */
    public final Output<Map<String, String>> cloudDnsHealthChecks;
    /** Backend -> worst-case failover seconds. */
    public final Map<String, Integer> failoverBudgetSeconds;

    public GlobalEndpoint(String name, GlobalEndpointArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Topology topology = args.topology();
        TrafficSettings traffic = topology.traffic();
        Map<String, Output<String>> drains = new LinkedHashMap<>();
        Map<String, Output<String>> checks = new LinkedHashMap<>();
        Map<String, Output<String>> pools = new LinkedHashMap<>();
        Map<String, Output<String>> gcpChecks = new LinkedHashMap<>();
        Map<String, Integer> budgets = new LinkedHashMap<>();
        var authority = DnsAuthority.of(topology);
        DnsBackend global = authority.global().backend();
        budgets.put(global.kind().key(), FailoverBudget.of(global, traffic).worstCaseSeconds());
        var providers = new BackendProviders();
        for (DnsBackend backend : traffic.dns()) {
            // One method per backend: a new backend does not compile until its provider and global resources are built here.
            backend.match(new DnsBackend.Cases<Void>() {
                @Override
                public Void route53(DnsBackend.Route53Backend r53) {
                    providers.aws = SiteTraffic.awsGlobal(name + "-aws", GlobalEndpoint.this);
                    if (backend == global) {
                        GlobalEndpoint.this.route53(name, topology, r53, providers.aws, drains, checks);
                    }
                    return null;
                }

                @Override
                public Void cloudflare(DnsBackend.CloudflareBackend cf) {
                    providers.cloudflare = new CloudflareProvider(name + "-cloudflare", new CloudflareProvider.Args(args.cloudflareToken()),
                            CustomResourceOptions.builder().parent(GlobalEndpoint.this).build());
                    if (backend == global) {
                        GlobalEndpoint.this.cloudflare(name, topology, cf, providers.cloudflare, pools);
                    }
                    return null;
                }

                @Override
                public Void clouddns(DnsBackend.CloudDnsBackend gcp) {
                    providers.gcp = new GcpCloudDnsProvider(name + "-gcp-dns", new GcpCloudDnsProvider.Args(gcp.project()),
                            CustomResourceOptions.builder().parent(GlobalEndpoint.this).build());
                    if (backend == global) {
                        cloudDns(topology, gcp, providers.gcp, gcpChecks);
                    }
                    return null;
                }
            });
        }
        authority.delegation().ifPresent(d -> delegate(name, d, providers, traffic.ttlSeconds()));
        Provider aws = providers.aws;
        this.awsGlobal = aws;
        this.drainSwitches = KeyedOutputs.of(drains);
        this.healthChecks = KeyedOutputs.of(checks);
        this.cloudflarePools = KeyedOutputs.of(pools);
        this.cloudDnsHealthChecks = KeyedOutputs.of(gcpChecks);
        this.failoverBudgetSeconds = Map.copyOf(budgets);
        registerOutputs(Map.of("drainSwitches", drainSwitches, "healthChecks", healthChecks, "cloudflarePools", cloudflarePools,
                "cloudDnsHealthChecks", cloudDnsHealthChecks));
    }

    private void route53(String name, Topology topology, DnsBackend.Route53Backend zone, Provider aws,
                         Map<String, Output<String>> drains, Map<String, Output<String>> checks) {
        TrafficSettings traffic = topology.traffic();
        var hc = traffic.healthCheck();
        var onAws = CustomResourceOptions.builder().parent(this).provider(aws).build();
        boolean primary = true;
        for (SiteSpec site : topology.sites()) {
            String fqdn = traffic.siteHostname(site.name());
            var checkArgs = HealthCheckArgs.builder()
                    .type(hc.expectedBody() != null ? hc.protocol().toUpperCase() + "_STR_MATCH" : hc.protocol().toUpperCase())
                    .fqdn(fqdn)
                    .port(hc.port())
                    .resourcePath(hc.path())
                    .requestInterval(hc.intervalSeconds())
                    .failureThreshold(hc.failureThreshold())
                    .regions(hc.regions())
                    .enableSni(hc.protocol().equals("https"))
                    .tags(Map.of("Name", site.name() + " " + hc.path(), "multisite-site", site.name()));
            if (hc.expectedBody() != null) {
                checkArgs.searchString(hc.expectedBody());
            }
            var check = new HealthCheck(site.name() + "-check", checkArgs.build(), onAws);
            var drain = new HealthCheck(site.name() + "-drain", HealthCheckArgs.builder()
                    .type("CALCULATED")
                    .childHealthThreshold(0)
                    .childHealthchecks(List.of())
                    .invertHealthcheck(false)
                    .tags(Map.of("Name", site.name() + " drain switch (set Inverted to drain)", "multisite-site", site.name()))
                    .build(), CustomResourceOptions.builder().parent(this).provider(aws)
                    // An operator or a drill flips this switch; a deploy during a drain must not flip it back.
                    .ignoreChanges("invertHealthcheck").build());
            var serving = new HealthCheck(site.name() + "-serving", HealthCheckArgs.builder()
                    .type("CALCULATED")
                    .childHealthchecks(Output.all(check.id(), drain.id()))
                    .childHealthThreshold(2)
                    .tags(Map.of("Name", site.name() + " serving = healthy AND NOT drained", "multisite-site", site.name()))
                    .build(), onAws);
            var record = RecordArgs.builder()
                    .zoneId(zone.hostedZoneId())
                    .name(traffic.hostname())
                    .type("CNAME")
                    .ttl(traffic.ttlSeconds())
                    .records(fqdn)
                    .setIdentifier(site.name())
                    .healthCheckId(serving.id());
            switch (traffic.routing()) {
                case LATENCY -> record.latencyRoutingPolicies(RecordLatencyRoutingPolicyArgs.builder()
                        .region(LatencyRegions.of(site, traffic).orElseThrow()).build());
                case WEIGHTED -> record.weightedRoutingPolicies(RecordWeightedRoutingPolicyArgs.builder().weight(site.capacity()).build());
                case GEO -> record.geolocationRoutingPolicies(RecordGeolocationRoutingPolicyArgs.builder()
                        .continent(traffic.geo().get(site.name())).build());
                case FAILOVER -> record.failoverRoutingPolicies(RecordFailoverRoutingPolicyArgs.builder()
                        .type(primary ? "PRIMARY" : "SECONDARY").build());
            }
            new Record(site.name() + "-global", record.build(), onAws);
            drains.put(site.name(), drain.id());
            checks.put(site.name(), check.id());
            primary = false;
        }
    }

    /** The number of name servers in every Route 53 delegation set. */
    static final int ROUTE53_NAME_SERVERS = 4;

    /** The providers of the stack's backends, set as each backend is built. */
    private static final class BackendProviders {
        Provider aws;
        CloudflareProvider cloudflare;
        GcpCloudDnsProvider gcp;
    }

    /** The number of name servers Cloud DNS assigns to a managed zone (ns-cloud-X1..X4.googledomains.com). */
    static final int CLOUD_DNS_NAME_SERVERS = 4;

    /**
     * NS records for the subzone in its parent, whichever two backends they are: the child's name
     * servers (Route 53's delegation set and Cloud DNS's from their zones, Cloudflare's from
     * {@code cloudflare.nameServers}), written as the parent's NS record set (Route 53, Cloud DNS)
     * or one record per name server (Cloudflare).
     */
    private void delegate(String name, DnsAuthority.Delegation d, BackendProviders providers, int ttlSeconds) {
        String child = d.child().name();
        int ttl = Math.max(ttlSeconds, 300);
        record ChildServers(Output<List<String>> names, int count, String description) {
        }
        ChildServers servers = d.child().backend().match(new DnsBackend.Cases<>() {
            @Override
            public ChildServers route53(DnsBackend.Route53Backend r53) {
                return new ChildServers(Route53Functions.getZone(GetZoneArgs.builder().zoneId(r53.hostedZoneId()).build(),
                        new InvokeOptions(GlobalEndpoint.this, providers.aws, null)).applyValue(z -> z.nameServers()), ROUTE53_NAME_SERVERS,
                        "Route 53 zone " + r53.hostedZoneId());
            }

            @Override
            public ChildServers cloudflare(DnsBackend.CloudflareBackend cf) {
                return new ChildServers(Output.of(cf.nameServers()), cf.nameServers().size(), "Cloudflare zone " + cf.zoneId());
            }

            @Override
            public ChildServers clouddns(DnsBackend.CloudDnsBackend gcp) {
                return new ChildServers(com.pulumi.gcp.dns.DnsFunctions.getManagedZone(com.pulumi.gcp.dns.inputs.GetManagedZoneArgs.builder()
                        .name(gcp.managedZone()).project(gcp.project()).build(), new InvokeOptions(GlobalEndpoint.this, gcpSdkProvider(name, gcp), null))
                        .applyValue(z -> z.nameServers()), CLOUD_DNS_NAME_SERVERS, "Cloud DNS zone " + gcp.managedZone());
            }
        });
        d.parent().backend().match(new DnsBackend.Cases<Void>() {
            @Override
            public Void route53(DnsBackend.Route53Backend r53) {
                new Record(name + "-delegation-ns", RecordArgs.builder()
                        .zoneId(r53.hostedZoneId())
                        .name(child)
                        .type("NS")
                        .ttl(ttl)
                        .records(servers.names())
                        .build(), CustomResourceOptions.builder().parent(GlobalEndpoint.this).provider(providers.aws).build());
                return null;
            }

            @Override
            public Void cloudflare(DnsBackend.CloudflareBackend cf) {
                var onCloudflare = CustomResourceOptions.builder().parent(GlobalEndpoint.this).provider(providers.cloudflare).build();
                for (int i = 0; i < servers.count(); i++) {
                    int index = i;
                    new CloudflareRecord(name + "-delegation-ns-" + i, new CloudflareRecord.Args(cf.zoneId(), child, "NS",
                            servers.names().applyValue(ns -> ns.get(index)), ttl,
                            "multisite: " + child + " is delegated to " + servers.description()), onCloudflare);
                }
                return null;
            }

            @Override
            public Void clouddns(DnsBackend.CloudDnsBackend gcp) {
                new GcpRecordSet(name + "-delegation-ns", GcpRecordSet.Args.plain(gcp.project(), gcp.managedZone(), child, "NS", ttl,
                        // Cloud DNS takes name servers as absolute names, with the trailing dot.
                        servers.names().applyValue(ns -> ns.stream().map(n -> n.endsWith(".") ? n : n + ".").toList())),
                        CustomResourceOptions.builder().parent(GlobalEndpoint.this).provider(providers.gcp).build());
                return null;
            }
        });
    }

    /** The Java SDK's Google provider (7.0.0), for the managed zone read only: the bindings' provider is another version. */
    private com.pulumi.gcp.Provider gcpSdkProvider(String name, dev.multisite.topology.DnsBackend.CloudDnsBackend gcp) {
        return new com.pulumi.gcp.Provider(name + "-gcp-read", com.pulumi.gcp.ProviderArgs.builder().project(gcp.project()).build(),
                CustomResourceOptions.builder().parent(this).build());
    }

    /**
     * The global hostname on Cloud DNS: one Compute Engine health check (HTTP(S) with the global
     * hostname as Host, which every site's ingress serves the health app for; the stack's path and
     * expected body; from the backend's three source regions), and one A record set of the global
     * hostname whose routing policy (weighted by capacity, geolocation by Google Cloud region, or
     * failover to a geolocation backup) lists every site's endpoint as a health-checked external
     * endpoint. A Cloud DNS routing policy names one health check ({@code routingPolicy.healthCheck})
     * and Cloud DNS probes each external endpoint with it (Cloud DNS "DNS routing policies and
     * health checks"), so every site is checked by the same definition.
     *
     * <p>Draining a site changes no record: its health app is scaled to zero, the check fails at
     * that endpoint, and Cloud DNS stops answering with it (operator commands and the drill).
     */
    private void cloudDns(Topology topology, dev.multisite.topology.DnsBackend.CloudDnsBackend gcp, GcpCloudDnsProvider provider,
                          Map<String, Output<String>> checks) {
        TrafficSettings traffic = topology.traffic();
        var hc = traffic.healthCheck();
        int interval = Math.max(hc.intervalSeconds(), FailoverBudget.CLOUDDNS_MINIMUM_INTERVAL_SECONDS);
        var onGcp = CustomResourceOptions.builder().parent(this).provider(provider).build();
        var check = new GcpHealthCheck(traffic.hostname().replace('.', '-') + "-clouddns-check", new GcpHealthCheck.Args(
                "multisite deep health of " + traffic.hostname() + hc.path() + " at every site's endpoint",
                hc.protocol().equals("https"), new GcpHealthCheck.Probe(traffic.hostname(), hc.port(), hc.path(), hc.expectedBody()),
                interval, Math.min(5, interval), hc.failureThreshold(), 2, gcp.sourceRegions()), onGcp);
        List<SiteSpec> sites = topology.sites();
        sites.forEach(s -> checks.put(s.name(), check.id()));
        Output<String> policyCheck = check.id();
        GcpRecordSet.RoutingPolicy policy = switch (traffic.routing()) {
            case WEIGHTED -> GcpRecordSet.RoutingPolicy.weighted(policyCheck, sites.stream()
                    .map(s -> new GcpRecordSet.Wrr(s.capacity(), new GcpRecordSet.Targets(List.of(gcp.endpoints().get(s.name()))))).toList());
            case GEO -> GcpRecordSet.RoutingPolicy.geo(policyCheck, sites.stream()
                    .map(s -> new GcpRecordSet.Geo(gcp.location(s).orElseThrow(), new GcpRecordSet.Targets(List.of(gcp.endpoints().get(s.name()))))).toList());
            case FAILOVER -> GcpRecordSet.RoutingPolicy.failover(policyCheck, new GcpRecordSet.PrimaryBackup(
                    new GcpRecordSet.Targets(List.of(gcp.endpoints().get(sites.get(0).name()))),
                    List.of(new GcpRecordSet.Geo(gcp.location(sites.get(1)).orElseThrow(),
                            new GcpRecordSet.Targets(List.of(gcp.endpoints().get(sites.get(1).name())))))));
            // The parser refuses latency on Cloud DNS (no such routing policy).
            case LATENCY -> throw new IllegalStateException("latency routing has no Cloud DNS policy; the topology parser refuses it");
        };
        new GcpRecordSet(topology.traffic().hostname().replace('.', '-') + "-clouddns",
                GcpRecordSet.Args.routed(gcp.project(), gcp.managedZone(), traffic.hostname(), "A", traffic.ttlSeconds(), policy), onGcp);
    }

    private void cloudflare(String name, Topology topology, DnsBackend.CloudflareBackend cf, CloudflareProvider provider,
                            Map<String, Output<String>> pools) {
        TrafficSettings traffic = topology.traffic();
        var hc = traffic.healthCheck();
        var onCloudflare = CustomResourceOptions.builder().parent(this).provider(provider).build();
        var monitor = new CloudflareLoadBalancerMonitor(name + "-monitor", new CloudflareLoadBalancerMonitor.Args(
                cf.accountId(), hc.protocol(), hc.path(), hc.port(), hc.intervalSeconds(), hc.failureThreshold(), hc.expectedBody(),
                "multisite deep health of " + traffic.hostname()), onCloudflare);
        Map<String, CloudflareLoadBalancerPool> bySite = new LinkedHashMap<>();
        for (SiteSpec site : topology.sites()) {
            var pool = new CloudflareLoadBalancerPool(site.name() + "-pool", new CloudflareLoadBalancerPool.Args(
                    cf.accountId(), "multisite-" + site.name(),
                    List.of(new CloudflareLoadBalancerPool.Origin(site.name(), traffic.siteHostname(site.name()), traffic.hostname())),
                    monitor.id(), site.name() + " (" + site.provider().key() + ", " + site.region() + ")"), onCloudflare);
            bySite.put(site.name(), pool);
            pools.put(site.name(), pool.id());
        }
        // Default order and fallback: largest capacity first, so the last resort can carry the most.
        List<SiteSpec> bySize = topology.sites().stream().sorted(Comparator.comparingInt(SiteSpec::capacity).reversed()).toList();
        Output<List<String>> poolIds = Output.all(bySize.stream().map(s -> bySite.get(s.name()).id()).toList());
        new CloudflareLoadBalancer(name + "-lb", new CloudflareLoadBalancer.Args(cf.zoneId(), traffic.hostname(), poolIds,
                bySite.get(bySize.get(0).name()).id(), cf.proxied(), traffic.ttlSeconds(), steering(traffic.routing()),
                "multisite global endpoint"), onCloudflare);
    }

    static String steering(TrafficSettings.Routing routing) {
        return switch (routing) {
            case LATENCY -> "dynamic_latency";
            case GEO -> "geo";
            case WEIGHTED -> "random";
            case FAILOVER -> "off";
        };
    }
}
