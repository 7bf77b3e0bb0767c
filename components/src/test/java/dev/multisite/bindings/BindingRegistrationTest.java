package dev.multisite.bindings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.multisite.policy.analyzer.StructJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each binding sends the engine, as the engine receives it (the {@code RegisterResourceRequest}
 * under the SDK's mock monitor): the provider's type token, the pinned plugin version, the inputs
 * by the provider schema's names with secrets marked, and the outputs the engine must keep secret.
 * The plan digests cover the inputs of the bindings the example stacks use, not the version or the
 * secret outputs; this covers all of it for every binding.
 */
class BindingRegistrationTest {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** One registration: what the engine is told about the resource. */
    record Registration(String type, String version, List<String> secretOutputs, String inputs) {
    }

    /** Registrations by resource name. */
    private final Map<String, Registration> registered = new ConcurrentHashMap<>();

    @AfterEach
    void cleanup() {
        PulumiTestInternal.cleanup();
    }

    @Test
    void cloudflareBindings() {
        run(ctx -> {
            var provider = new CloudflareProvider("cf", new CloudflareProvider.Args(Output.of("token")), CustomResourceOptions.Empty);
            var on = CustomResourceOptions.builder().provider(provider).build();
            new CloudflareRecord("record", new CloudflareRecord.Args("zone", "app.example.com", "NS", Output.of("ns1.example.net"), 300,
                    "delegated"), on);
            var monitor = new CloudflareLoadBalancerMonitor("monitor", new CloudflareLoadBalancerMonitor.Args("account", "https",
                    "/healthz", 443, 15, 3, "ok", "deep health"), on);
            new CloudflareLoadBalancerMonitor("monitor-any-body", new CloudflareLoadBalancerMonitor.Args("account", "http",
                    "/", 80, 60, 2, null, "any body"), on);
            var pool = new CloudflareLoadBalancerPool("pool", new CloudflareLoadBalancerPool.Args("account", "site-a",
                    List.of(new CloudflareLoadBalancerPool.Origin("site-a", "a.example.com", "app.example.com")), monitor.id(), "site a"), on);
            new CloudflareLoadBalancer("lb-proxied", new CloudflareLoadBalancer.Args("zone", "app.example.com",
                    pool.id().applyValue(List::of), pool.id(), true, 60, "dynamic_latency", "proxied"), on);
            new CloudflareLoadBalancer("lb-dns", new CloudflareLoadBalancer.Args("zone", "app.example.com",
                    pool.id().applyValue(List::of), pool.id(), false, 60, "geo", "dns only"), on);
        });
        assertThat(registered).containsOnlyKeys("cf", "record", "monitor", "monitor-any-body", "pool", "lb-proxied", "lb-dns");
        assertRegistered("cf", "pulumi:providers:cloudflare", "5.49.1", "{'apiToken':'[secret]'}");
        assertRegistered("record", "cloudflare:index/record:Record", "5.49.1",
                "{'comment':'delegated','content':'ns1.example.net','name':'app.example.com','ttl':300,"
                + "'type':'NS','zoneId':'zone'}");
        assertRegistered("monitor", "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor", "5.49.1",
                "{'accountId':'account','consecutiveDown':3,'consecutiveUp':3,'description':'deep health',"
                + "'expectedBody':'ok','expectedCodes':'200','interval':15,'method':'GET','path':'/healthz',"
                + "'port':443,'retries':0,'timeout':5,'type':'https'}");
        assertRegistered("monitor-any-body", "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor", "5.49.1",
                "{'accountId':'account','consecutiveDown':2,'consecutiveUp':2,'description':'any body',"
                + "'expectedCodes':'200','interval':60,'method':'GET','path':'/','port':80,'retries':0,"
                + "'timeout':5,'type':'http'}");
        assertRegistered("pool", "cloudflare:index/loadBalancerPool:LoadBalancerPool", "5.49.1",
                "{'accountId':'account','description':'site a','minimumOrigins':1,'monitor':'monitor-id',"
                + "'name':'site-a','origins':[{'address':'a.example.com','enabled':true,"
                + "'headers':[{'header':'Host','values':['app.example.com']}],'name':'site-a'}]}");
        assertRegistered("lb-proxied", "cloudflare:index/loadBalancer:LoadBalancer", "5.49.1",
                "{'defaultPoolIds':['pool-id'],'description':'proxied','fallbackPoolId':'pool-id',"
                + "'name':'app.example.com','proxied':true,'sessionAffinity':'none',"
                + "'steeringPolicy':'dynamic_latency','zoneId':'zone'}");
        assertRegistered("lb-dns", "cloudflare:index/loadBalancer:LoadBalancer", "5.49.1",
                "{'defaultPoolIds':['pool-id'],'description':'dns only','fallbackPoolId':'pool-id',"
                + "'name':'app.example.com','proxied':false,'sessionAffinity':'none','steeringPolicy':'geo',"
                + "'ttl':60,'zoneId':'zone'}");
    }

    @Test
    void cloudDnsBindings() {
        run(ctx -> {
            var provider = new GcpCloudDnsProvider("gcp", new GcpCloudDnsProvider.Args("project"), CustomResourceOptions.Empty);
            var on = CustomResourceOptions.builder().provider(provider).build();
            var check = new GcpHealthCheck("check-https", new GcpHealthCheck.Args("deep health", true,
                    new GcpHealthCheck.Probe("app.example.com", 443, "/healthz", "ok"), 30, 10, 3, 2,
                    List.of("us-east1", "europe-west1", "asia-east1")), on);
            new GcpHealthCheck("check-http", new GcpHealthCheck.Args("any answer", false,
                    new GcpHealthCheck.Probe("app.example.com", 80, "/", null), 30, 5, 2, 1,
                    List.of("us-east1", "europe-west1", "asia-east1")), on);
            var targetsA = new GcpRecordSet.Targets(List.of("192.0.2.1"));
            var targetsB = new GcpRecordSet.Targets(List.of("192.0.2.2"));
            new GcpRecordSet("weighted", GcpRecordSet.Args.routed("project", "zone", "app.example.com", "A", 60,
                    GcpRecordSet.RoutingPolicy.weighted(check.id(), List.of(
                            new GcpRecordSet.Wrr(2, targetsA), new GcpRecordSet.Wrr(1, targetsB)))), on);
            new GcpRecordSet("geo", GcpRecordSet.Args.routed("project", "zone", "app.example.com.", "A", 60,
                    GcpRecordSet.RoutingPolicy.geo(check.id(), List.of(new GcpRecordSet.Geo("us-east1", targetsA)))), on);
            new GcpRecordSet("failover", GcpRecordSet.Args.routed("project", "zone", "app.example.com", "A", 60,
                    GcpRecordSet.RoutingPolicy.failover(check.id(), new GcpRecordSet.PrimaryBackup(targetsA,
                            List.of(new GcpRecordSet.Geo("europe-west1", targetsB))))), on);
            new GcpRecordSet("plain", GcpRecordSet.Args.plain("project", "zone", "sub.example.com", "NS", 300,
                    Output.of(List.of("ns1.example.net.", "ns2.example.net."))), on);
        });
        assertThat(registered).containsOnlyKeys("gcp", "check-https", "check-http", "weighted", "geo", "failover", "plain");
        assertRegistered("gcp", "pulumi:providers:gcp", "8.41.1", "{'project':'project'}");
        assertRegistered("check-https", "gcp:compute/healthCheck:HealthCheck", "8.41.1",
                "{'checkIntervalSec':30,'description':'deep health','healthyThreshold':2,"
                + "'httpsHealthCheck':{'host':'app.example.com','port':443,'requestPath':'/healthz',"
                + "'response':'ok'},'sourceRegions':['us-east1','europe-west1','asia-east1'],'timeoutSec':10,"
                + "'unhealthyThreshold':3}");
        assertRegistered("check-http", "gcp:compute/healthCheck:HealthCheck", "8.41.1",
                "{'checkIntervalSec':30,'description':'any answer','healthyThreshold':1,"
                + "'httpHealthCheck':{'host':'app.example.com','port':80,'requestPath':'/'},"
                + "'sourceRegions':['us-east1','europe-west1','asia-east1'],'timeoutSec':5,'unhealthyThreshold':2}");
        assertRegistered("weighted", "gcp:dns/recordSet:RecordSet", "8.41.1",
                "{'managedZone':'zone','name':'app.example.com.','project':'project',"
                + "'routingPolicy':{'healthCheck':'check-https-id',"
                + "'wrrs':[{'healthCheckedTargets':{'externalEndpoints':['192.0.2.1']},'weight':2},"
                + "{'healthCheckedTargets':{'externalEndpoints':['192.0.2.2']},'weight':1}]},'ttl':60,'type':'A'}");
        assertRegistered("geo", "gcp:dns/recordSet:RecordSet", "8.41.1",
                "{'managedZone':'zone','name':'app.example.com.','project':'project',"
                + "'routingPolicy':{'geos':[{'healthCheckedTargets':{'externalEndpoints':['192.0.2.1']},"
                + "'location':'us-east1'}],'healthCheck':'check-https-id'},'ttl':60,'type':'A'}");
        assertRegistered("failover", "gcp:dns/recordSet:RecordSet", "8.41.1",
                "{'managedZone':'zone','name':'app.example.com.','project':'project',"
                + "'routingPolicy':{'healthCheck':'check-https-id',"
                + "'primaryBackup':{'backupGeos':[{'healthCheckedTargets':{'externalEndpoints':['192.0.2.2']},"
                + "'location':'europe-west1'}],'primary':{'externalEndpoints':['192.0.2.1']}}},'ttl':60,"
                + "'type':'A'}");
        assertRegistered("plain", "gcp:dns/recordSet:RecordSet", "8.41.1",
                "{'managedZone':'zone','name':'sub.example.com.','project':'project',"
                + "'rrdatas':['ns1.example.net.','ns2.example.net.'],'ttl':300,'type':'NS'}");
    }

    @Test
    void keyMaterialBindingsKeepTheirSecretsSecret() {
        Output<String>[] secrets = new Output[2];
        run(ctx -> {
            var tls = new TlsProvider("tls", CustomResourceOptions.Empty);
            var onTls = CustomResourceOptions.builder().provider(tls).build();
            var key = new TlsPrivateKey("key", TlsPrivateKey.Args.ecdsaP256(), onTls);
            new TlsSelfSignedCert("cert", TlsSelfSignedCert.Args.ca(Output.of("PEM"),
                    new TlsSelfSignedCert.Subject("Cilium CA", "multisite"), 10), onTls);
            var random = new RandomProvider("random", CustomResourceOptions.Empty);
            var password = new RandomPassword("psk", RandomPassword.Args.ipsecPresharedKey(),
                    CustomResourceOptions.builder().provider(random).build());
            secrets[0] = key.privateKeyPem();
            secrets[1] = password.result();
        });
        assertThat(registered).containsOnlyKeys("tls", "key", "cert", "random", "psk");
        assertRegistered("tls", "pulumi:providers:tls", "5.0.9", "{}");
        assertRegistered("key", "tls:index/privateKey:PrivateKey", "5.0.9",
                List.of("privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"),
                "{'algorithm':'ECDSA','ecdsaCurve':'P256'}");
        assertRegistered("cert", "tls:index/selfSignedCert:SelfSignedCert", "5.0.9",
                "{'allowedUses':['cert_signing','crl_signing','digital_signature','key_encipherment'],"
                + "'earlyRenewalHours':0,'isCaCertificate':true,'privateKeyPem':'[secret]',"
                + "'subject':{'commonName':'Cilium CA','organization':'multisite'},'validityPeriodHours':87600}");
        assertRegistered("random", "pulumi:providers:random", "4.16.7", "{}");
        assertRegistered("psk", "random:index/randomPassword:RandomPassword", "4.16.7", List.of("result", "bcryptHash"),
                "{'length':40,'numeric':false,'special':false}");
        assertThat(secrets).allSatisfy(s -> assertThat(PulumiTestInternal.extractOutputData(s).isSecret()).isTrue());
    }

    @Test
    void localCommandRunsBashByItsOwnProvider() {
        run(ctx -> {
            var parent = new ComponentResource("test:index:Parent", "parent");
            BoundedCheck.create("check", "command", "true", Output.of(Map.of("TOKEN", "t")).asSecret(), parent);
        });
        assertThat(registered).containsOnlyKeys("command", "check");
        assertRegistered("command", "pulumi:providers:command", "1.0.1", "{}");
        assertRegistered("check", "command:local:Command", "1.0.1",
                "{'create':'true','environment':'[secret]','interpreter':['/bin/bash','-c']}");
    }

    /** Resource {@code name} was registered as {@code type} at {@code version}, with these inputs (sorted JSON, single-quoted). */
    private void assertRegistered(String name, String type, String version, String inputs) {
        assertRegistered(name, type, version, List.of(), inputs);
    }

    private void assertRegistered(String name, String type, String version, List<String> secretOutputs, String inputs) {
        assertThat(registered.get(name)).as(name).isEqualTo(new Registration(type, version, secretOutputs, inputs.replace('\'', '"')));
    }

    private void run(Consumer<Context> program) {
        Mocks mocks = args -> CompletableFuture.completedFuture(Mocks.ResourceResult.of(Optional.of(args.name + "-id"), args.inputs));
        var engine = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("bindings").stackName("test").preview(false).build())
                .mocks(mocks)
                .standardLogger(PulumiTestInternal.logger(Level.SEVERE))
                .monitorDecorator(base -> new Recording(mocks))
                .build();
        TestResult result = engine.runTest(program);
        assertThat(result.errors()).isEmpty();
        assertThat(result.exceptions()).isEmpty();
    }

    /** The mock monitor, also keeping each registration as the engine would receive it. */
    private final class Recording extends MockMonitor {
        Recording(Mocks mocks) {
            super(mocks, PulumiTestInternal.mockLog());
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
            if (request.getCustom()) {
                try {
                    registered.put(request.getName(), new Registration(request.getType(), request.getVersion(),
                            List.copyOf(request.getAdditionalSecretOutputsList()), JSON.writeValueAsString(
                            JSON.treeToValue(StructJson.toJson(request.getObject()), Object.class))));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return super.registerResourceAsync(resource, request);
        }
    }
}
