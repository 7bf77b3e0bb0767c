package dev.multisite.stack.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.multisite.fleet.Fleet;
import dev.multisite.offline.OfflineKubeconfig;
import dev.multisite.offline.Plan;
import dev.multisite.pkg.MultisitePackage;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.topology.SiteSpec;
import dev.multisite.topology.Topology;
import dev.multisite.topology.TopologyJson;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;
import pulumirpc.Provider.GetSchemaRequest;

import java.time.Duration;
import java.util.List;

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
    /** The key that marks a special value (secret, asset, resource reference) in a marshalled Struct. */
    private static final String SIG_KEY = "4dabf18193072939515e22adb298388d";

    @RegisterExtension
    static final PluginSession SESSION = new PluginSession(PROJECT, STACK, MultisitePackage.NAME, Duration.ofSeconds(DEADLINE_SECONDS),
            address -> PluginProcess.start(MultisitePackage.class, address, List.of(), Duration.ofSeconds(120)));

    @Test
    void getSchemaServesWhatTheCliPrints() throws Exception {
        String served = SESSION.provider().getSchema(GetSchemaRequest.getDefaultInstance()).getSchema();
        var json = new ObjectMapper();
        assertThat(json.readTree(served)).isEqualTo(json.readTree(MultisitePackage.schema()));
        assertThat(json.readTree(served).path("resources").path(Fleet.TYPE).path("isComponent").asBoolean()).isTrue();
    }

    /**
     * dev (two sites) and prod (five: traffic with Cloudflare, data, GitOps, an existing site whose
     * kubeconfig and the Cloudflare token come in as secrets, marked the way the engine marks them).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void constructingAFleetRegistersWhatTheOfflinePlanHas(String stack) throws Exception {
        Topology topology = ExampleStacks.read(stack).topology();
        var inputs = Struct.newBuilder();
        JsonFormat.parser().merge(new ObjectMapper().writeValueAsString(TopologyJson.of(topology)), inputs);
        var secrets = Struct.newBuilder();
        topology.secretConfigKeys().values().forEach(key -> secrets.putFields(key, secret(OfflineKubeconfig.forConfigKey(key))));
        inputs.putFields("secrets", Value.newBuilder().setStructValue(secrets).build());
        int before = SESSION.engine().registrations().size();
        ConstructResponse response = construct(ConstructRequest.newBuilder()
                .setProject(PROJECT)                  // what the engine sends for a program's remote component
                .setStack(STACK)                      // (pulumi/pulumi pkg/resource/plugin/provider_plugin.go, Construct)
                .setDryRun(true)
                .setParallel(16)
                .setMonitorEndpoint(SESSION.engine().address())
                .setType(Fleet.TYPE)
                .setName(Fleet.NAME)
                .setParent(SESSION.engine().stackUrn())
                .setInputs(inputs.build())
                .setAcceptsOutputValues(true)
                .build());

        String why = SESSION.diagnostics();
        assertThat(SESSION.engine().failures()).as(why).isEmpty();
        Plan offline = ExampleStacks.plan(stack);
        List<String> planned = offline.resources().stream().filter(r -> !r.type().equals("pulumi:pulumi:Stack"))
                .map(r -> r.type() + " " + r.name()).sorted().toList();
        var registered = SESSION.engine().registrations().subList(before, SESSION.engine().registrations().size());
        List<String> constructed = registered.stream().map(r -> r.type() + " " + r.name()).sorted().toList();
        assertThat(constructed).as(why).isEqualTo(planned);
        // The fleet's direct children carry a no-parent alias: a stack deployed before the fleet keeps
        // their URNs, and the engine derives their children's aliases from it (pulumi/pulumi
        // pkg/resource/deploy/step_generator.go, inheritedChildAlias).
        Registration fleet = registered.stream().filter(r -> r.type().equals(Fleet.TYPE)).findFirst().orElseThrow();
        var children = registered.stream().filter(r -> r.isChildOf(fleet)).toList();
        assertThat(children).isNotEmpty().allSatisfy(child -> assertThat(child.request().getAliasesList())
                .as(child.urn()).anySatisfy(alias -> assertThat(alias.getSpec().getNoParent()).isTrue()));
        // Link resources sit under the interconnect (as in fleet mode's links part) with an alias whose
        // only field is the parent they had, their site's network half: the engine takes the other
        // fields from the resource itself (proto/pulumi/alias.proto in pulumi/pulumi), so a deployed
        // stack renames them in place.
        List<String> halves = registered.stream().filter(r -> r.type().matches("multisite:network:(Aws|Gcp|Azure)SiteNetwork"))
                .map(Registration::urn).toList();
        // A link resource on a site's side is named <site>-net-<role> (SiteEnd.childName).
        var links = registered.stream().filter(r -> r.custom() && r.urn().contains("$multisite:network:Interconnect$") && r.name().contains("-net-"))
                .toList();
        assertThat(links).isNotEmpty().allSatisfy(link -> {
            assertThat(link.request().getAliasesList()).as(link.urn()).anySatisfy(alias -> {
                assertThat(halves).contains(alias.getSpec().getParentUrn());
                assertThat(alias.getSpec().getName()).isEmpty();
                assertThat(alias.getSpec().getType()).isEmpty();
            });
        });
        // The fleet's outputs come back as the component's state, the stack's outputs by name.
        assertThat(response.getState().getFieldsMap()).containsKeys("siteNames", "clusterEndpoints", "kubeconfigs", "interconnect");
        assertThat(response.getState().getFieldsOrThrow("siteNames").getListValue().getValuesList())
                .extracting(Value::getStringValue).containsExactlyElementsOf(topology.sites().stream().map(SiteSpec::name).toList());
        // Secrets stay secrets: the kubeconfigs output comes back marked as one.
        assertThat(response.getState().getFieldsOrThrow("kubeconfigs").getStructValue().getFieldsMap()).containsKey(SIG_KEY);
    }

    /** A value marked secret the way the engine marshals one (pulumi/pulumi sdk/go/common/resource/plugin/rpc.go). */
    private static Value secret(String value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(SIG_KEY, Value.newBuilder().setStringValue("1b47061264138c4ac30d75fd1eb44270").build())
                .putFields("value", Value.newBuilder().setStringValue(value).build())).build();
    }

    /** Construct, with what the plugin logged to the engine when it fails (the gRPC status says only "Multiple exceptions occurred"). */
    private static ConstructResponse construct(ConstructRequest request) {
        try {
            return SESSION.provider().construct(request);
        } catch (StatusRuntimeException e) {
            throw new AssertionError("Construct failed: " + e.getStatus() + "\nengine logs: " + SESSION.engine().logs()
                    + "\nplugin output:\n" + SESSION.plugin().output(), e);
        }
    }

}
