package dev.multisite.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.multisite.stack.plan.Plan;
import dev.multisite.stack.plan.PlannedResource;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy pack as the Pulumi engine uses it: the launcher from policies/ started as its own
 * process, its port read from stdout, then driven over gRPC with resources from the prod plan.
 */
class AnalyzerProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process analyzer;
    private static ManagedChannel channel;
    private static AnalyzerGrpc.AnalyzerBlockingStub stub;
    private static Plan plan;

    @BeforeAll
    static void startAnalyzer() throws Exception {
        Path pack = Path.of("..", "policies").toAbsolutePath().normalize();
        analyzer = new ProcessBuilder("bash", pack.resolve("pulumi-analyzer-policy-multisite").toString(), "127.0.0.1:1", ".")
                .directory(pack.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var stdout = new BufferedReader(new InputStreamReader(analyzer.getInputStream(), StandardCharsets.UTF_8));
        int port = Integer.parseInt(stdout.readLine().trim());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        stub = AnalyzerGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        plan = ExampleStacks.plan("prod");
    }

    @AfterAll
    static void stopAnalyzer() throws Exception {
        channel.shutdownNow();
        analyzer.destroy();
        analyzer.waitFor(10, TimeUnit.SECONDS);
    }

    private static Struct struct(com.fasterxml.jackson.databind.JsonNode json) throws Exception {
        var builder = Struct.newBuilder();
        JsonFormat.parser().merge(JSON.writeValueAsString(json), builder);
        return builder.build();
    }

    private static AnalyzerOuterClass.AnalyzerResource resource(PlannedResource r) throws Exception {
        return AnalyzerOuterClass.AnalyzerResource.newBuilder()
                .setType(r.type()).setName(r.name()).setUrn(r.urn()).setParent(r.parent())
                .setProperties(struct(r.inputs()))
                .setProvider(AnalyzerOuterClass.AnalyzerProviderResource.newBuilder().setUrn(r.providerUrn()).build())
                .setOptions(AnalyzerOuterClass.AnalyzerResourceOptions.newBuilder().setProtect(r.protect()).setParent(r.parent()))
                .addAllDependencies(r.dependencies())
                .build();
    }

    private static AnalyzerOuterClass.AnalyzeRequest analyzeRequest(PlannedResource r, com.fasterxml.jackson.databind.JsonNode inputs) throws Exception {
        return AnalyzerOuterClass.AnalyzeRequest.newBuilder()
                .setType(r.type()).setName(r.name()).setUrn(r.urn()).setProperties(struct(inputs))
                .setProvider(AnalyzerOuterClass.AnalyzerProviderResource.newBuilder().setUrn(r.providerUrn()).build())
                .setOptions(AnalyzerOuterClass.AnalyzerResourceOptions.newBuilder().setParent(r.parent()))
                .build();
    }

    @Test
    void handshakesAndDescribesEveryPolicy() {
        stub.handshake(AnalyzerOuterClass.AnalyzerHandshakeRequest.newBuilder().setEngineAddress("127.0.0.1:1").build());
        assertThat(stub.getPluginInfo(Empty.getDefaultInstance()).getVersion()).isNotEmpty();
        var info = stub.getAnalyzerInfo(Empty.getDefaultInstance());
        assertThat(info.getName()).isEqualTo("multisite");
        assertThat(info.getSupportsConfig()).isTrue();
        assertThat(info.getPoliciesList()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(info.getPoliciesList()).filteredOn(p -> p.getName().equals("provider-capacity-share")).singleElement()
                .satisfies(p -> {
                    assertThat(p.getPolicyType()).isEqualTo(AnalyzerOuterClass.PolicyType.POLICY_TYPE_STACK);
                    assertThat(p.getConfigSchema().getProperties().getFieldsMap()).containsKey("maxShare");
                });
    }

    @Test
    void analyzeFlagsAnOpenClusterApiAndPassesThePlannedOne() throws Exception {
        PlannedResource eks = plan.ofType("aws:eks/cluster:Cluster").get(0);
        assertThat(stub.analyze(analyzeRequest(eks, eks.inputs())).getDiagnosticsList()).isEmpty();

        ObjectNode open = eks.inputs().deepCopy();
        ((ArrayNode) open.with("vpcConfig").withArray("publicAccessCidrs")).removeAll().add("0.0.0.0/0");
        var diagnostics = stub.analyze(analyzeRequest(eks, open)).getDiagnosticsList();
        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.getPolicyName()).isEqualTo("cluster-api-not-open-to-world");
            assertThat(d.getEnforcementLevel()).isEqualTo(AnalyzerOuterClass.EnforcementLevel.MANDATORY);
            assertThat(d.getUrn()).isEqualTo(eks.urn());
            assertThat(d.getMessage()).contains("0.0.0.0/0", "fix:");
        });
    }

    @Test
    void analyzeStackPassesThePlanAndFlagsSharedExternalDnsOwners() throws Exception {
        var compliant = AnalyzerOuterClass.AnalyzeStackRequest.newBuilder();
        for (PlannedResource r : plan.resources()) {
            compliant.addResources(resource(r));
        }
        assertThat(stub.analyzeStack(compliant.build()).getDiagnosticsList()).isEmpty();

        var violating = AnalyzerOuterClass.AnalyzeStackRequest.newBuilder();
        for (PlannedResource r : plan.resources()) {
            if (r.type().equals("kubernetes:helm.sh/v3:Release") && r.name().endsWith("external-dns-release")) {
                ObjectNode inputs = r.inputs().deepCopy();
                inputs.with("values").put("txtOwnerId", "shared");
                violating.addResources(resource(r).toBuilder().setProperties(struct(inputs)));
            } else {
                violating.addResources(resource(r));
            }
        }
        List<AnalyzerOuterClass.AnalyzeDiagnostic> diagnostics = stub.analyzeStack(violating.build()).getDiagnosticsList();
        assertThat(diagnostics).isNotEmpty().allSatisfy(d -> assertThat(d.getPolicyName()).isEqualTo("external-dns-owner-ids-distinct"));
    }

    @Test
    void configureChangesEnforcement() throws Exception {
        // data: Route 53 holds its global hostname (prod's is Cloudflare's load balancer).
        PlannedResource record = ExampleStacks.plan("data").ofType("aws:route53/record:Record").get(0);
        ObjectNode slow = record.inputs().deepCopy();
        slow.put("ttl", 3600);
        assertThat(stub.analyze(analyzeRequest(record, slow)).getDiagnosticsList())
                .extracting(AnalyzerOuterClass.AnalyzeDiagnostic::getPolicyName).contains("dns-ttl-limit");

        stub.configure(AnalyzerOuterClass.ConfigureAnalyzerRequest.newBuilder().putPolicyConfig("dns-ttl-limit",
                AnalyzerOuterClass.PolicyConfig.newBuilder().setEnforcementLevel(AnalyzerOuterClass.EnforcementLevel.DISABLED).build()).build());
        assertThat(stub.analyze(analyzeRequest(record, slow)).getDiagnosticsList())
                .extracting(AnalyzerOuterClass.AnalyzeDiagnostic::getPolicyName).doesNotContain("dns-ttl-limit");
        stub.configure(AnalyzerOuterClass.ConfigureAnalyzerRequest.getDefaultInstance());
        stub.cancel(Empty.getDefaultInstance());
    }
}
