package dev.multisite.stack;

import dev.multisite.stack.cli.MultisiteCli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI on a 2-CPU machine, as a CI runner is: a fresh JVM told it has 2 CPUs, with default
 * settings otherwise, must finish a plan. Run with this JDK and with every newer JDK installed
 * beside it (the SDK's polling loop starved the common pool under Temurin 25; see CommonPool).
 */
class SmallRunnerTest {

    /** This JDK's java, and any JDK 21+ found next to it. */
    static Stream<Path> jdks() throws IOException {
        List<Path> javas = new ArrayList<>();
        Path current = Path.of(System.getProperty("java.home"), "bin", "java");
        javas.add(current);
        Path jvms = Path.of(System.getProperty("java.home")).getParent();
        if (jvms != null && Files.isDirectory(jvms)) {
            try (var dirs = Files.list(jvms)) {
                dirs.filter(d -> d.getFileName().toString().matches(".*(temurin|jdk|openjdk)-?(2[1-9]|[3-9]\\d).*"))
                        .map(d -> d.resolve("bin").resolve("java"))
                        .filter(Files::isExecutable)
                        .filter(j -> !j.toAbsolutePath().normalize().equals(current.toAbsolutePath().normalize()))
                        .forEach(javas::add);
            }
        }
        return javas.stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void thePlanFinishesOnTwoCpus(Path java) throws Exception {
        var process = new ProcessBuilder(java.toString(), "-XX:ActiveProcessorCount=2", "-cp", System.getProperty("java.class.path"),
                MultisiteCli.class.getName(), "plan", "--stack-file", ExampleStacks.file("dev").toString(), "--no-policy")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("%s planned dev within 180 s on 2 CPUs", java).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
