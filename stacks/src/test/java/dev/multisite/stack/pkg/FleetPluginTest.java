package dev.multisite.stack.pkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.multisite.fleet.Fleet;
import dev.multisite.pkg.MultisitePackage;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.MultisiteStack;
import dev.multisite.stack.plan.Plan;
import dev.multisite.stack.plan.PlanMocks;
import dev.multisite.topology.TopologyJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component package as the engine uses it: its entry point started as a plugin process, then
 * GetSchema and Construct of a {@code multisite:index:Fleet} with the dev topology over gRPC, against
 * a resource monitor of the test's own. What the plugin registers is what the offline plan of the
 * same topology registers (types and names), so the package and the stack program cannot diverge.
 */
class FleetPluginTest {
    private static final String PROJECT = "multisite";
    private static final String STACK = "dev";
    private static final long DEADLINE_SECONDS = 300;

    private static FakeEngine engine;
    private static PluginProcess plugin;

    @BeforeAll
    static void startEngineAndPlugin() throws Exception {
        engine = FakeEngine.start(PROJECT, STACK, new PlanMocks());
        plugin = PluginProcess.start(MultisitePackage.class, engine.address(), List.of(), Duration.ofSeconds(120));
        assertThat(provider().getPluginInfo(Empty.getDefaultInstance())).isNotNull();
        assertThat(provider().configure(ConfigureRequest.newBuilder().setAcceptSecrets(true).setAcceptResources(true)
                .setUrn(engine.urn("pulumi:providers:multisite", "default", engine.stackUrn())).setName("default")
                .setType("pulumi:providers:multisite").build()).getAcceptSecrets()).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (plugin != null) {
            plugin.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void getSchemaServesWhatTheCliPrints() throws Exception {
        String served = provider().getSchema(GetSchemaRequest.getDefaultInstance()).getSchema();
        var json = new ObjectMapper();
        assertThat(json.readTree(served)).isEqualTo(json.readTree(MultisitePackage.schema()));
        assertThat(json.readTree(served).path("resources").path(Fleet.TYPE).path("isComponent").asBoolean()).isTrue();
    }

    @Test
    void constructingTheDevFleetRegistersWhatTheOfflinePlanHas() throws Exception {
        JsonNode topology = TopologyJson.of(ExampleStacks.read(STACK).topology());
        var inputs = Struct.newBuilder();
        JsonFormat.parser().merge(new ObjectMapper().writeValueAsString(topology), inputs);
        ConstructResponse response = provider().construct(ConstructRequest.newBuilder()
                .setProject(PROJECT)                  // what the engine sends for a program's remote component
                .setStack(STACK)                      // (pulumi/pulumi pkg/resource/plugin/provider_plugin.go, Construct)
                .setDryRun(true)
                .setParallel(16)
                .setMonitorEndpoint(engine.address())
                .setType(Fleet.TYPE)
                .setName(MultisiteStack.FLEET)
                .setParent(engine.stackUrn())
                .setInputs(inputs.build())
                .setAcceptsOutputValues(true)
                .build());

        String why = "plugin output:\n" + plugin.output() + "\nengine logs: " + engine.logs() + "\nfailures: " + engine.failures();
        assertThat(engine.failures()).as(why).isEmpty();
        Plan offline = ExampleStacks.plan(STACK);
        List<String> planned = offline.resources().stream().filter(r -> !r.type().equals("pulumi:pulumi:Stack"))
                .map(r -> r.type() + " " + r.name()).sorted().toList();
        List<String> constructed = engine.registrations().stream().map(r -> r.type() + " " + r.name()).sorted().toList();
        assertThat(constructed).as(why).isEqualTo(planned);
        // The fleet's direct children carry a no-parent alias: a stack deployed before the fleet keeps
        // their URNs, and the engine derives their children's aliases from it (pulumi/pulumi
        // pkg/resource/deploy/step_generator.go, inheritedChildAlias).
        Registration fleet = engine.registration(Fleet.TYPE, MultisiteStack.FLEET).orElseThrow();
        var children = engine.registrations().stream().filter(r -> r.isChildOf(fleet)).toList();
        assertThat(children).isNotEmpty().allSatisfy(child -> assertThat(child.request().getAliasesList())
                .as(child.urn()).anySatisfy(alias -> assertThat(alias.getSpec().getNoParent()).isTrue()));
        // The fleet's outputs come back as the component's state, the stack's outputs by name.
        assertThat(response.getState().getFieldsMap()).containsKeys("siteNames", "clusterEndpoints", "kubeconfigs", "interconnect");
        assertThat(response.getState().getFieldsOrThrow("siteNames").getListValue().getValuesList())
                .extracting(v -> v.getStringValue()).containsExactly("aws-use1", "gcp-euw4");
    }

    private static ResourceProviderBlockingStub provider() {
        return plugin.provider().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
}
