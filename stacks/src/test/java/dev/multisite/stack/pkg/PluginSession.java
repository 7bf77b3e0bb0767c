package dev.multisite.stack.pkg;

import com.google.protobuf.Empty;
import dev.multisite.offline.PlanMocks;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class's fake engine and the plugin process started against it, brought up before its tests
 * the way the engine does it (GetPluginInfo, then Configure) and stopped after them. Register it with
 * {@code @RegisterExtension}.
 */
final class PluginSession implements BeforeAllCallback, AfterAllCallback {
    /** Starts the plugin's process against the engine at this address. */
    interface Launcher {
        PluginProcess start(String engineAddress) throws IOException;
    }

    /** What the engine runs and how: {@code deadline} bounds each call to the provider. */
    private record Setup(String project, String stack, String packageName, Duration deadline, Launcher launcher) {
    }

    private final Setup setup;
    private FakeEngine engine;
    private PluginProcess plugin;

    PluginSession(String project, String stack, String packageName, Duration deadline, Launcher launcher) {
        this.setup = new Setup(project, stack, packageName, deadline, launcher);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        engine = FakeEngine.start(setup.project(), setup.stack(), new PlanMocks());
        plugin = setup.launcher().start(engine.address());
        // The engine's first calls to a freshly loaded provider.
        assertThat(provider().getPluginInfo(Empty.getDefaultInstance())).isNotNull();
        // The engine refuses to Construct through a provider that does not accept secrets.
        assertThat(provider().configure(engine.configureRequest(setup.packageName())).getAcceptSecrets()).isTrue();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (engine != null) {
            engine.closeWith(plugin);
        }
    }

    FakeEngine engine() {
        return engine;
    }

    PluginProcess plugin() {
        return plugin;
    }

    ResourceProviderBlockingStub provider() {
        return plugin.provider().withDeadlineAfter(setup.deadline().toSeconds(), TimeUnit.SECONDS);
    }

    /** What to read when a call failed: the plugin's output, the engine's logs and its failures. */
    String diagnostics() {
        return "plugin output:\n" + plugin.output() + "\nengine logs: " + engine.logs() + "\nfailures: " + engine.failures();
    }
}
