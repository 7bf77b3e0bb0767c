package dev.multisite.stack;

import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scratch compile of the project with one more cloud provider and one more DNS backend: every
 * place that must decide what the new one does fails to compile (switch expressions over the
 * closed types, constructor facts of the enums), and those places are exactly the ones
 * CONTRIBUTING.md's checklists name. A place that would quietly fall through to "the other one"
 * does not fail here, and so is a bug in the checklist or the code.
 */
class DecisionPointsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("model", "components", "policies", "stacks");

    @Test
    void aNewCloudProviderFailsAtEveryDecisionPointTheChecklistNames() throws IOException {
        Set<String> failing = compileWith("dev/multisite/topology/CloudProvider.java",
                "    EXISTING(Pattern.compile", "    OKE(Pattern.compile(\"[a-z]+-[a-z]+-\\\\d\"), \"eu-frankfurt-1\", true, false, true, 2, \"VM.Standard.E4\"),\n    EXISTING(Pattern.compile");
        assertThat(failing).isEqualTo(checklist("Add a cloud"));
    }

    @Test
    void aNewDnsBackendFailsAtEveryDecisionPointTheChecklistNames() throws IOException {
        // A new backend is a Kind constant (its facts) and one more case of DnsBackend.Cases (its settings).
        Set<String> failing = compileWith("dev/multisite/topology/DnsBackend.java",
                "ROUTE53(false), CLOUDFLARE(true), CLOUDDNS(false);", "ROUTE53(false), CLOUDFLARE(true), CLOUDDNS(false), NS1(true);",
                "        T clouddns(CloudDnsBackend backend);\n", "        T clouddns(CloudDnsBackend backend);\n\n        T ns1(Object backend);\n");
        assertThat(failing).isEqualTo(checklist("Add a DNS backend"));
    }

    /** The files (module-relative source paths) whose compile fails after edits (find, replace, ...) of one source file. */
    private static Set<String> compileWith(String file, String... findReplace) throws IOException {
        Path scratch = Files.createTempDirectory("multisite-decision-points");
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Path copy = scratch.resolve(module).resolve("src/main/java").resolve(src.relativize(p));
                    Files.createDirectories(copy.getParent());
                    String text = Files.readString(p);
                    if (src.relativize(p).toString().equals(file)) {
                        for (int i = 0; i < findReplace.length; i += 2) {
                            assertThat(text).as("%s still has the text this test edits", file).contains(findReplace[i]);
                            text = text.replace(findReplace[i], findReplace[i + 1]);
                        }
                    }
                    Files.writeString(copy, text);
                    sources.add(copy);
                }
            }
        }
        // The dependencies only: the project's own classes come from the scratch copies.
        String classpath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> MODULES.stream().noneMatch(m -> entry.contains("/" + m + "/target/")))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            var units = files.getJavaFileObjectsFromPaths(sources);
            compiler.getTask(null, files, diagnostics, List.of("-proc:none", "-Xmaxerrs", "10000",
                    // Keep attributing every class after the first error, so every decision point reports.
                    "-XDshould-stop.ifError=FLOW", "-d",
                    scratch.resolve("classes").toString(), "-cp", classpath), null, units).call();
        }
        Set<String> failing = new TreeSet<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                failing.add(scratch.relativize(Path.of(d.getSource().toUri())).toString());
            }
        }
        return failing;
    }

    /** The files a CONTRIBUTING.md checklist names: every `module/src/main/java/...java` in that section. */
    private static Set<String> checklist(String heading) {
        try {
            String text = Files.readString(ROOT.resolve("CONTRIBUTING.md"));
            int start = text.indexOf("## " + heading);
            assertThat(start).as("CONTRIBUTING.md has a section '## %s'", heading).isNotNegative();
            int end = text.indexOf("\n## ", start + 3);
            String section = text.substring(start, end < 0 ? text.length() : end);
            var matcher = Pattern.compile("`(" + String.join("|", MODULES) + ")/src/main/java/([^`]+\\.java)`").matcher(section);
            Set<String> files = new TreeSet<>();
            while (matcher.find()) {
                files.add(matcher.group(1) + "/src/main/java/" + matcher.group(2));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
