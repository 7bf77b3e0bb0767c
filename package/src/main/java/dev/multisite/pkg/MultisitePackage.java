package dev.multisite.pkg;

import com.pulumi.provider.internal.ResourceProviderService;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import dev.multisite.fleet.Fleet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The Pulumi component package {@code multisite}, as a provider plugin: the engine starts it with
 * its own gRPC address (and logging flags), reads the port it prints, and asks it for the schema
 * and to construct components. It serves {@link Fleet} through {@link FleetProvider}: a schema
 * generated from the topology records, and the Fleet's inputs read the way the stack program reads
 * them. In place of the SDK's {@code ComponentProviderHost}, whose schema is inferred from args
 * classes (a hand-kept copy of the model) and carries no version in 1.36.1.
 */
@Command(name = "multisite-package", description = "The multisite Pulumi component package (a provider plugin).")
public final class MultisitePackage implements Callable<Integer> {
    public static final String NAME = "multisite";

    @Parameters(index = "0", description = "The Pulumi engine's gRPC address.")
    String engineAddress;
    // The flags the engine passes to every plugin (pulumi-java ComponentProviderHost.getEngineAddress skips the same).
    @Option(names = "--logtostderr")
    boolean logToStderr;
    @Option(names = "-v")
    String verbosity;
    @Option(names = "--tracing")
    String tracing;
    @Option(names = "--logflow")
    boolean logFlow;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MultisitePackage()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        new ResourceProviderService(engineAddress, provider()).startAndBlockUntilShutdown();
        return 0;
    }

    /** The provider both the plugin and {@link #schema()} use. */
    static FleetProvider provider() {
        return new FleetProvider(version());
    }

    /** The package schema (JSON) the plugin serves to {@code GetSchema} and so to {@code pulumi package add}. */
    public static String schema() {
        return provider().getSchema(new GetSchemaRequest(0, null, null)).join().getSchema();
    }

    /** The project version, Maven-filtered into the jar. */
    public static String version() {
        try (InputStream in = MultisitePackage.class.getResourceAsStream("version.properties")) {
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
