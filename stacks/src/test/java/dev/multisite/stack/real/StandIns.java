package dev.multisite.stack.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The STAND-IN provider plugins (module {@code standins/}: the real provider protocol, not the real
 * clouds) installed into a real CLI's private plugin cache with {@code standins/install-standins}
 * ({@code pulumi plugin install resource <pkg> <version> --file <dir>}), so the engine finds them
 * under the package names and versions the SDK jars request.
 */
final class StandIns {
    private StandIns() {
    }

    static void install(RealPulumi pulumi, Path scratch) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path installer = root.resolve("standins").resolve("install-standins");
        if (!Files.isExecutable(installer) || !Files.isRegularFile(root.resolve("standins/target/standins.classpath"))) {
            RealPulumi.notRun("the stand-in providers are not built (" + installer + ")");
        }
        var run = pulumi.run(root, Duration.ofMinutes(5), List.of(installer.toString()));
        assertThat(run.exit()).as(run.output()).isZero();
    }
}
