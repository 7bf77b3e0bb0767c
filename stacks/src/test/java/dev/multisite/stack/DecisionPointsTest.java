package dev.multisite.stack;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** One more cloud provider, with every fact of the enum decided. */
    private static final Edit NEW_PROVIDER = new Edit("dev/multisite/topology/CloudProvider.java", "    EXISTING(new Facts(",
            "    OKE(new Facts(Pattern.compile(\"[a-z]+-[a-z]+-\\\\d\"), \"eu-frankfurt-1\", true, false, true, 2, \"VM.Standard.E4\")),\n    EXISTING(new Facts(");

    @Test
    void aNewCloudProviderFailsAtEveryDecisionPointTheChecklistNames() throws IOException {
        Map<String, Integer> failing = failingPlaces(MODULES, NEW_PROVIDER);
        // By place, not by file: a file with one switch left over the new provider still fails to
        // compile, so only the places show a switch that fell through to "the other one".
        assertThat(failing).isEqualTo(checklistPlaces("Add a cloud"));
    }

    /**
     * The check proves itself: with one decision point turned into a fall-through ({@code default}),
     * the new provider no longer fails there, and the comparison above shows exactly that place
     * missing. The model module alone is compiled, so this costs seconds, not a full compile.
     */
    @Test
    void aSwitchThatFallsThroughForTheNewProviderIsTheOnePlaceMissing() throws IOException {
        Edit fallThrough = new Edit("dev/multisite/topology/TunnelNumbering.java", "            case AWS, GCP, EXISTING -> false;",
                "            default -> false;");
        Map<String, Integer> expected = new TreeMap<>(checklistPlaces("Add a cloud"));
        expected.keySet().removeIf(place -> !place.startsWith("model/"));
        assertThat(expected).containsKey("model/src/main/java/dev/multisite/topology/TunnelNumbering.java apipaOnly");

        Map<String, Integer> failing = failingPlaces(List.of("model"), NEW_PROVIDER, fallThrough);

        expected.remove("model/src/main/java/dev/multisite/topology/TunnelNumbering.java apipaOnly");
        assertThat(failing).isEqualTo(expected);
    }

    @Test
    void theChecklistReaderCountsEveryPlaceAndItsSwitches() {
        String section = """
                ## Add a thing
                - `model/src/main/java/a/A.java` (`one`, `two` ×3): what A decides.
                - `components/src/main/java/b/B.java` (the constructor `B`): what B decides.
                """;
        assertThat(places(section)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "model/src/main/java/a/A.java one", 1, "model/src/main/java/a/A.java two", 3,
                "components/src/main/java/b/B.java B", 1));
        assertThatThrownBy(() -> places("- `model/src/main/java/a/A.java`: no methods named."))
                .isInstanceOf(AssertionError.class).hasMessageContaining("model/src/main/java/a/A.java");
    }

    @Test
    void aNewDnsBackendFailsAtEveryDecisionPointTheChecklistNames() throws IOException {
        // A new backend is a Kind constant (its facts) and one more case of DnsBackend.Cases (its settings).
        Set<String> failing = compileWith(new Edit("dev/multisite/topology/DnsBackend.java",
                        "ROUTE53, CLOUDFLARE, CLOUDDNS;", "ROUTE53, CLOUDFLARE, CLOUDDNS, NS1;"),
                new Edit("dev/multisite/topology/DnsBackend.java",
                        "        T clouddns(CloudDnsBackend backend);\n", "        T clouddns(CloudDnsBackend backend);\n\n        T ns1(Object backend);\n"));
        assertThat(failing).isEqualTo(checklist("Add a DNS backend"));
    }

    /** The files (module-relative source paths) whose compile fails after edits of source files. */
    private static Set<String> compileWith(Edit... edits) throws IOException {
        Set<String> failing = new TreeSet<>();
        compileErrors(MODULES, edits).forEach(error -> failing.add(error.file()));
        return failing;
    }

    /**
     * The places whose compile fails after one edit of one source file, each with its number of
     * errors: a place is a file and the member (method, constructor or field) around the error.
     */
    private static Map<String, Integer> failingPlaces(List<String> modules, Edit... edits) throws IOException {
        Map<String, Integer> places = new TreeMap<>();
        compileErrors(modules, edits).forEach(error -> places.merge(error.place(), 1, Integer::sum));
        return places;
    }

    /** Replace {@code find} by {@code replaceWith} in one source file ({@code dev/...java}, relative to its module's sources). */
    private record Edit(String file, String find, String replaceWith) {
    }

    /** One compile error: the module-relative source path and the member it is in. */
    private record CompileError(String file, String member) {
        String place() {
            return file + " " + member;
        }
    }

    /** The errors of a scratch compile of {@code modules} with {@code edits} applied. */
    private static List<CompileError> compileErrors(List<String> modules, Edit... edits) throws IOException {
        Path scratch = Files.createTempDirectory("multisite-decision-points");
        List<Path> sources = new ArrayList<>();
        Set<Edit> applied = new java.util.HashSet<>();
        for (String module : modules) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Path copy = scratch.resolve(module).resolve("src/main/java").resolve(src.relativize(p));
                    Files.createDirectories(copy.getParent());
                    String text = Files.readString(p);
                    for (Edit edit : edits) {
                        if (src.relativize(p).toString().equals(edit.file())) {
                            assertThat(text).as("%s still has the text this test edits", edit.file()).contains(edit.find());
                            text = text.replace(edit.find(), edit.replaceWith());
                            applied.add(edit);
                        }
                    }
                    Files.writeString(copy, text);
                    sources.add(copy);
                }
            }
        }
        assertThat(applied).as("every edit found its file among %s", modules).containsExactlyInAnyOrder(edits);
        for (String module : modules) {
            sources.addAll(generatedSources(module, scratch));
        }
        // The dependencies only: the project's own classes come from the scratch copies.
        String classpath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> MODULES.stream().noneMatch(m -> entry.contains("/" + m + "/target/")))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        List<CompileError> errors = new ArrayList<>();
        try (var files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            var units = files.getJavaFileObjectsFromPaths(sources);
            var task = (JavacTask) compiler.getTask(null, files, diagnostics, List.of("-proc:none", "-Xmaxerrs", "10000",
                    // Keep attributing every class after the first error, so every decision point reports.
                    "-XDshould-stop.ifError=FLOW", "-d",
                    scratch.resolve("classes").toString(), "-cp", classpath), null, units);
            Map<java.net.URI, CompilationUnitTree> parsed = new HashMap<>();
            task.parse().forEach(unit -> parsed.put(unit.getSourceFile().toUri(), unit));
            task.analyze();
            var positions = Trees.instance(task).getSourcePositions();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                    CompilationUnitTree unit = parsed.get(d.getSource().toUri());
                    errors.add(new CompileError(scratch.relativize(Path.of(d.getSource().toUri())).toString(),
                            unit == null ? "line " + d.getLineNumber() : memberAround(unit, positions, d.getPosition(), d.getLineNumber())));
                }
            }
        }
        return errors;
    }

    /**
     * Copies of what the build generated for {@code module} (components' bindings, written from their
     * specs in generate-sources), unedited: the module's own sources use those classes. The reactor
     * builds the module before this test runs.
     */
    private static List<Path> generatedSources(String module, Path scratch) throws IOException {
        Path generated = ROOT.resolve(module).resolve("target/generated-sources");
        if (!Files.isDirectory(generated)) {
            return List.of();
        }
        List<Path> copies = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(generated)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path copy = scratch.resolve(module).resolve("target/generated-sources").resolve(generated.relativize(p));
                Files.createDirectories(copy.getParent());
                Files.copy(p, copy);
                copies.add(copy);
            }
        }
        return copies;
    }

    /** The innermost method, constructor or field of {@code unit} around {@code position} (its name; a constructor by its class's). */
    private static String memberAround(CompilationUnitTree unit, SourcePositions positions, long position, long line) {
        String[] member = {"line " + line};
        new TreeScanner<Void, String>() {
            @Override
            public Void visitClass(ClassTree tree, String enclosingClass) {
                return contains(tree) ? super.visitClass(tree, tree.getSimpleName().toString()) : null;
            }

            @Override
            public Void visitMethod(MethodTree tree, String enclosingClass) {
                if (contains(tree)) {
                    member[0] = tree.getName().contentEquals("<init>") ? enclosingClass : tree.getName().toString();
                    super.visitMethod(tree, enclosingClass);
                }
                return null;
            }

            @Override
            public Void visitVariable(VariableTree tree, String enclosingClass) {
                if (contains(tree) && member[0].startsWith("line ")) {
                    member[0] = tree.getName().toString();
                }
                return super.visitVariable(tree, enclosingClass);
            }

            private boolean contains(Tree tree) {
                return positions.getStartPosition(unit, tree) <= position && position <= positions.getEndPosition(unit, tree);
            }
        }.scan(unit, null);
        return member[0];
    }

    /** The files a CONTRIBUTING.md checklist names: every `module/src/main/java/...java` in that section. */
    private static Set<String> checklist(String heading) {
        var matcher = Pattern.compile("`(" + String.join("|", MODULES) + ")/src/main/java/([^`]+\\.java)`").matcher(section(heading));
        Set<String> files = new TreeSet<>();
        while (matcher.find()) {
            files.add(matcher.group(1) + "/src/main/java/" + matcher.group(2));
        }
        return files;
    }

    /** The places a CONTRIBUTING.md checklist names, with the number of switches each holds (1 unless {@code ×n}). */
    private static Map<String, Integer> checklistPlaces(String heading) {
        return places(section(heading));
    }

    /** {@code - `file` (`method`, `method` ×n): ...} items: every file must name its methods. */
    private static Map<String, Integer> places(String section) {
        var item = Pattern.compile("(?m)^- `((?:" + String.join("|", MODULES) + ")/src/main/java/[^`]+\\.java)`( \\([^)]*\\))?:");
        var member = Pattern.compile("`([A-Za-z_][A-Za-z0-9_]*)`(?: ×(\\d+))?");
        Map<String, Integer> places = new TreeMap<>();
        var items = item.matcher(section);
        while (items.find()) {
            assertThat(items.group(2)).as("%s names the methods of its decision points in brackets", items.group(1)).isNotNull();
            var members = member.matcher(items.group(2));
            while (members.find()) {
                places.merge(items.group(1) + " " + members.group(1), members.group(2) == null ? 1 : Integer.parseInt(members.group(2)), Integer::sum);
            }
        }
        return places;
    }

    /** The text of one {@code ## heading} section of CONTRIBUTING.md. */
    private static String section(String heading) {
        try {
            String text = Files.readString(ROOT.resolve("CONTRIBUTING.md"));
            int start = text.indexOf("## " + heading);
            assertThat(start).as("CONTRIBUTING.md has a section '## %s'", heading).isNotNegative();
            int end = text.indexOf("\n## ", start + 3);
            return text.substring(start, end < 0 ? text.length() : end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
