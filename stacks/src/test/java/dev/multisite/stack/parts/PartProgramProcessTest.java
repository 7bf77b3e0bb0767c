package dev.multisite.stack.parts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisite.offline.OfflineKubeconfig;
import dev.multisite.offline.PlanMocks;
import dev.multisite.parts.Part;
import dev.multisite.stack.ExampleStacks;
import dev.multisite.stack.Main;
import dev.multisite.stack.pkg.FakeEngine;
import dev.multisite.stack.plan.PartPlanner;
import dev.multisite.stack.plan.StackFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real program ({@link Main}) run as the Java language host runs it: a child process whose
 * environment carries the monitor and engine addresses, the project, stack and organization, and
 * the stack config as JSON with its secret keys (PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS: read by
 * pulumi-java's DeploymentImpl.Config; set by the language hosts), against a fake engine that
 * answers the part's stack reference as the builtin provider does. It registers what the offline
 * plan of the part has, and a bad part fails before registering anything but the stack.
 */
class PartProgramProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String output, FakeEngine engine) {
    }

    private static Run program(String part, FakeEngine engine, StackFile fleet) throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        List<String> secret = new ArrayList<>();
        fleet.config().forEach((key, value) -> {
            boolean isSecret = value.isObject() && value.has("secure");
            config.put(key, isSecret ? OfflineKubeconfig.forConfigKey(key.substring(key.indexOf(':') + 1))
                    : value.isTextual() ? value.asText() : value.toString());
            if (isSecret) {
                secret.add(key);
            }
        });
        config.put("multisite:part", part);
        config.put("multisite:fleetStack", fleet.stackName());
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()).redirectErrorStream(true);
        var env = builder.environment();
        env.put("PULUMI_MONITOR", engine.address());
        env.put("PULUMI_ENGINE", engine.address());
        env.put("PULUMI_PROJECT", engine.project());
        env.put("PULUMI_STACK", engine.stack());
        env.put("PULUMI_ORGANIZATION", "organization");
        env.put("PULUMI_DRY_RUN", "true");
        env.put("PULUMI_PARALLEL", "16");
        env.put("PULUMI_CONFIG", JSON.writeValueAsString(config));
        env.put("PULUMI_CONFIG_SECRET_KEYS", JSON.writeValueAsString(secret));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the program ended").isTrue();
        return new Run(process.exitValue(), output, engine);
    }

    @Test
    void aSitePartRegistersWhatItsOfflinePlanHasReadingTheSharedPartThroughAStackReference() throws Exception {
        StackFile prod = ExampleStacks.read("prod");
        var runs = PartPlanner.run("prod", prod.topology(), List.of("site-az-weu"));
        var mocks = new PlanMocks().withStack("organization/multisite/prod-shared", runs.get("shared").outputs());
        try (FakeEngine engine = FakeEngine.start("multisite", Part.stackName("prod", "site-az-weu"), mocks)) {
            Run run = program("site-az-weu", engine, prod);
            String why = run.output() + "\nengine logs: " + engine.logs() + "\nfailures: " + engine.failures();
            assertThat(run.exit()).as(why).isZero();
            assertThat(engine.failures()).as(why).isEmpty();
            List<String> registered = engine.registrations().stream().filter(r -> !r.type().equals("pulumi:pulumi:Stack"))
                    .map(r -> r.type() + " " + r.name()).sorted().toList();
            List<String> planned = runs.get("site-az-weu").plan().resources().stream().filter(r -> !r.type().equals("pulumi:pulumi:Stack"))
                    .map(r -> r.type() + " " + r.name()).sorted().toList();
            assertThat(registered).isEqualTo(planned);
            // The CA came through a read of the shared part's stack, as the engine's builtin provider serves it.
            assertThat(engine.calls()).hasEntrySatisfying("pulumirpc.ResourceMonitor/ReadResource", n -> assertThat(n).isEqualTo(1));
        }
    }

    @Test
    void anUnknownPartFailsWithOneMessageBeforeRegisteringAnyResource() throws Exception {
        try (FakeEngine engine = FakeEngine.start("multisite", "prod-site-mars", new PlanMocks())) {
            Run run = program("site-mars", engine, ExampleStacks.read("prod"));
            assertThat(run.exit()).isNotZero();
            assertThat(String.join("\n", engine.logs()) + run.output()).contains("multisite:part: 'site-mars' is not a part of this stack; parts: shared");
            assertThat(engine.registrations()).allSatisfy(r -> assertThat(r.type()).isEqualTo("pulumi:pulumi:Stack"));
        }
    }
}
