package dev.multisite.stack.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.multisite.stack.pkg.sample.GreetingArgs;
import dev.multisite.stack.pkg.sample.SampleProvider;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;
import pulumirpc.Provider.GetSchemaRequest;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sample component package served by the SDK's ComponentProviderHost in its own process, and
 * driven over gRPC the way `pulumi preview` drives a component provider: GetPluginInfo,
 * GetSchema, Configure, then Construct against a resource monitor that records what the
 * component registers.
 */
class PluginProtocolTest {
    private static final String PROJECT = "plugin-test";
    private static final String STACK = "dev";
    private static final String GREETING = "sample:index:Greeting";
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    // A fresh JVM, a classpath scan and the SDK's first deployment: slow on a cold machine.
    private static final long DEADLINE_SECONDS = 120;

    @RegisterExtension
    static final PluginSession SESSION = new PluginSession(PROJECT, STACK, "sample", Duration.ofSeconds(DEADLINE_SECONDS),
            address -> PluginProcess.start(SampleProvider.class, address));

    @Test
    void pluginInfoAndSchemaDeclareTheGreeting() throws Exception {
        PluginInfo info = SESSION.provider().getPluginInfo(Empty.getDefaultInstance());
        assertThat(info.getVersion()).isEqualTo("1.0.0");

        String schema = SESSION.provider().getSchema(GetSchemaRequest.getDefaultInstance()).getSchema();
        JsonNode greeting = new ObjectMapper().readTree(schema).path("resources").path(GREETING);
        assertThat(greeting.isObject()).as("schema:\n%s", schema).isTrue();
        assertThat(greeting.path("isComponent").asBoolean()).as("schema:\n%s", schema).isTrue();
        assertThat(greeting.path("inputProperties").path("message").path("type").asText()).as("schema:\n%s", schema).isEqualTo("string");
        assertThat(greeting.path("requiredInputs")).as("schema:\n%s", schema).extracting(JsonNode::asText).containsExactly("message");
        assertThat(greeting.path("properties").has("shout")).as("schema:\n%s", schema).isTrue();
    }

    @Test
    void constructRegistersTheComponentAndItsBucket() {
        ConstructResponse response = SESSION.provider().construct(constructRequest("hello", inputs(Map.of("message", "hi"))));

        String why = SESSION.diagnostics();
        assertThat(SESSION.engine().failures()).as(why).isEmpty();
        Registration component = SESSION.engine().registration(GREETING, "hello").orElseThrow(() -> new AssertionError(why));
        assertThat(component.custom()).isFalse();
        assertThat(component.parentUrn()).isEqualTo(SESSION.engine().stackUrn());
        assertThat(component.urn()).isEqualTo("urn:pulumi:dev::plugin-test::sample:index:Greeting::hello");
        assertThat(response.getUrn()).isEqualTo(component.urn());

        Registration bucket = SESSION.engine().registration(BUCKET, "hello-bucket").orElseThrow(() -> new AssertionError(why));
        assertThat(bucket.custom()).isTrue();
        assertThat(bucket.isChildOf(component)).isTrue();
        assertThat(bucket.urn()).isEqualTo("urn:pulumi:dev::plugin-test::sample:index:Greeting$aws:s3/bucketV2:BucketV2::hello-bucket");
        assertThat(bucket.inputs().path("tags").path("message").asText()).isEqualTo("hi");

        assertThat(response.getState().getFieldsOrThrow("shout").getStringValue()).as("state %s", response.getState()).isEqualTo("HI");
        assertThat(SESSION.engine().registeredOutputs().get(component.urn()).path("shout").asText()).isEqualTo("HI");
        assertThat(SESSION.engine().calls()).containsKeys("pulumirpc.ResourceMonitor/SupportsFeature",
                "pulumirpc.ResourceMonitor/RegisterResource", "pulumirpc.ResourceMonitor/RegisterResourceOutputs");
    }

    @Test
    void aMissingRequiredInputFailsConstruct() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> SESSION.provider().construct(constructRequest("broken", Struct.getDefaultInstance())));

        // What the SDK really does: the gRPC status says only "Multiple exceptions occurred"; the
        // reason reaches the engine as an ERROR log, which is what `pulumi preview` would print.
        assertThat(error).as("Construct without message; plugin output:\n%s", SESSION.plugin().output()).isNotNull();
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(error.getStatus().getDescription()).isEqualTo("Multiple exceptions occurred");
        assertThat(SESSION.engine().logs()).anySatisfy(log -> assertThat(log)
                .startsWith("ERROR")
                .contains("Missing required field message in type " + GreetingArgs.class.getName()));
        assertThat(SESSION.engine().registration(GREETING, "broken")).isEmpty();
    }

    @Test
    void closingThePluginEndsItsProcess() throws Exception {
        PluginProcess own = PluginProcess.start(SampleProvider.class, SESSION.engine().address());
        Process process = own.process();
        assertThat(process.isAlive()).isTrue();

        own.close();

        assertThat(process.isAlive()).isFalse();
    }


    /**
     * A ConstructRequest as the engine builds it for a program's remote component
     * (pulumi/pulumi pkg/resource/plugin/provider_plugin.go, Construct).
     */
    private static ConstructRequest constructRequest(String name, Struct inputs) {
        return ConstructRequest.newBuilder()
                .setProject(PROJECT)                            // req.Info.Project: the program's project
                .setStack(STACK)                                // req.Info.Stack
                .putAllConfig(Map.of("aws:region", "us-east-1")) // req.Info.Config: the stack's config, "ns:key" -> value
                .setDryRun(true)                                // req.Info.DryRun: true under `pulumi preview`
                .setParallel(16)                                // req.Info.Parallel: --parallel (unread by the Java host)
                .setMonitorEndpoint(SESSION.engine().address()) // req.Info.MonitorAddress: the engine's resource monitor
                .setType(GREETING)                              // the program's RegisterResource(remote: true) type
                .setName(name)                                  // ... and name
                .setParent(SESSION.engine().stackUrn())         // req.Parent: the program's stack (the Java host rejects "")
                .setInputs(inputs)                              // MarshalProperties(req.Inputs), secrets and unknowns kept
                .setAcceptsOutputValues(true)                   // hard-coded true by the engine
                .build();
    }

    private static Struct inputs(Map<String, String> values) {
        var struct = Struct.newBuilder();
        values.forEach((key, value) -> struct.putFields(key, Value.newBuilder().setStringValue(value).build()));
        return struct.build();
    }
}
