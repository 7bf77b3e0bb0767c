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
    /** Backend -> worst-case failover seconds. */
    public final Map<String, Integer> failoverBudgetSeconds;

    public GlobalEndpoint(String name, GlobalEndpointArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Topology topology = args.topology();
        TrafficSettings traffic = topology.traffic();
        Map<String, Output<String>> drains = new LinkedHashMap<>();
        Map<String, Output<String>> checks = new LinkedHashMap<>();
        Map<String, Output<String>> pools = new LinkedHashMap<>();
        Map<String, Integer> budgets = new LinkedHashMap<>();
        var authority = DnsAuthority.of(topology);
        DnsBackend global = authority.global().backend();
        budgets.put(global.kind().key(), FailoverBudget.of(global, traffic).worstCaseSeconds());
        Provider aws = null;
        CloudflareProvider cloudflare = null;
        for (DnsBackend backend : traffic.dns()) {
            // A switch expression: a new backend does not compile until its provider and global resources are built here.
            com.pulumi.resources.ProviderResource backendProvider = switch (backend.kind()) {
                case ROUTE53 -> {
                    aws = SiteTraffic.awsGlobal(name + "-aws", this);
                    if (backend == global) {
                        route53(name, topology, backend.route53(), aws, drains, checks);
                    }
                    yield aws;
                }
                case CLOUDFLARE -> {
                    cloudflare = new CloudflareProvider(name + "-cloudflare", new CloudflareProvider.Args(args.cloudflareToken()),
                            CustomResourceOptions.builder().parent(this).build());
                    if (backend == global) {
                        cloudflare(name, topology, backend.cloudflare(), cloudflare, pools);
                    }
                    yield cloudflare;
                }
            };
        }
        Provider awsProvider = aws;
        CloudflareProvider cloudflareProvider = cloudflare;
        authority.delegation().ifPresent(d -> delegate(name, d, awsProvider, cloudflareProvider, traffic.ttlSeconds()));
        this.awsGlobal = aws;
        this.drainSwitches = KeyedOutputs.of(drains);
        this.healthChecks = KeyedOutputs.of(checks);
        this.cloudflarePools = KeyedOutputs.of(pools);
        this.failoverBudgetSeconds = Map.copyOf(budgets);
        registerOutputs(Map.of("drainSwitches", drainSwitches, "healthChecks", healthChecks, "cloudflarePools", cloudflarePools));
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

    /** NS records for the subzone in its parent: Route 53 under Cloudflare, or Cloudflare under Route 53. */
    private void delegate(String name, DnsAuthority.Delegation d, Provider aws, CloudflareProvider cloudflare, int ttlSeconds) {
        boolean inRoute53 = switch (d.parent().backend().kind()) {
            case ROUTE53 -> true;
            case CLOUDFLARE -> false;
        };
        if (inRoute53) {
            // One NS record set in the hosted zone, with the name servers Cloudflare assigned to the subzone.
            var cf = d.child().backend().cloudflare();
            new Record(name + "-delegation-ns", RecordArgs.builder()
                    .zoneId(d.parent().backend().route53().hostedZoneId())
                    .name(d.child().name())
                    .type("NS")
                    .ttl(Math.max(ttlSeconds, 300))
                    .records(cf.nameServers())
                    .build(), CustomResourceOptions.builder().parent(this).provider(aws).build());
            return;
        }
        var child = d.child().backend().route53();
        var parent = d.parent().backend().cloudflare();
        Output<List<String>> nameServers = Route53Functions.getZone(GetZoneArgs.builder().zoneId(child.hostedZoneId()).build(),
                new InvokeOptions(this, aws, null)).applyValue(z -> z.nameServers());
        var onCloudflare = CustomResourceOptions.builder().parent(this).provider(cloudflare).build();
        for (int i = 0; i < ROUTE53_NAME_SERVERS; i++) {
            int index = i;
            new CloudflareRecord(name + "-delegation-ns-" + i, new CloudflareRecord.Args(parent.zoneId(), d.child().name(), "NS",
                    nameServers.applyValue(ns -> ns.get(index)), Math.max(ttlSeconds, 300),
                    "multisite: " + d.child().name() + " is delegated to Route 53 zone " + child.hostedZoneId()), onCloudflare);
        }
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
