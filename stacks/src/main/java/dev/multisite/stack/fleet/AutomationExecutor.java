package dev.multisite.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandException;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.HistoryOptions;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OperationType;
import com.pulumi.automation.PreviewOptions;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.UpdateSummary;
import com.pulumi.automation.WorkspaceStack;
import dev.multisite.parts.Part;
import dev.multisite.parts.PartConfig;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Runs a part with the Pulumi Automation API ({@code com.pulumi:pulumi}, package
 * {@code com.pulumi.automation}): one {@link LocalWorkspace} per part, in its own work directory
 * {@code <work root>/<part>} holding a copy of the project's {@code Pulumi.yaml} (paths made
 * absolute, no {@code stackConfigDir}), so parts run as separate {@code pulumi} processes that never
 * share a workspace, a selected stack or a stack config file.
 *
 * <p>The part stack {@code <fleet stack>-<part>} gets the fleet stack's config, read once through
 * the Automation API (which decrypts secrets) and written back with each value's secret flag,
 * plus {@value PartConfig#PART_KEY} and {@value PartConfig#FLEET_STACK_KEY}. No message from here holds a decrypted
 * value: every text taken from the CLI passes {@link #redact}.
 *
 * <p>The {@code pulumi} commands behind each call (as pulumi-java 1.36.1 runs them; see
 * sdk/java/pulumi/src/main/java/com/pulumi/automation/LocalWorkspace.java, WorkspaceStack.java and
 * LocalPulumiCommand.java in pulumi/pulumi-java, checked against the jar's bytecode with javap):
 * <ul>
 *   <li>{@link BoundedPulumiCommand#create}: {@code pulumi version} (bounded), which must print a version of
 *       at least 3.95 and below 4, as {@code LocalPulumiCommand.create()} requires (skip with
 *       {@code PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK}).</li>
 *   <li>every other call: {@code pulumi <args> --non-interactive} with the workspace's work dir as cwd,
 *       through {@link BoundedPulumiCommand}, so every call of a part ends by the part's deadline.</li>
 *   <li>{@link LocalWorkspace#getAllConfig}: {@code config --show-secrets --json --stack S}.</li>
 *   <li>{@link WorkspaceStack#createOrSelect}: {@code stack select --stack S}; when that fails with
 *       "no stack named ... found", {@code stack init S}.</li>
 *   <li>{@link WorkspaceStack#setAllConfig}: {@code config set-all --stack S (--plaintext|--secret) k=v ...}
 *       (so values travel as process arguments); {@link WorkspaceStack#removeAllConfig}:
 *       {@code config rm-all --stack S k ...}.</li>
 *   <li>{@link WorkspaceStack#up}: {@code up --yes --skip-preview --exec-kind auto.local --stack S} (which this class runs
 *       itself, see {@code up}),
 *       then {@code stack output --json --stack S}, {@code stack output --json --show-secrets --stack S}
 *       and {@code stack history --json --page-size 1 --stack S} (the result's summary).</li>
 *   <li>{@link WorkspaceStack#preview}: {@code preview --exec-kind auto.local --stack S --event-log L},
 *       always asking for engine events: {@link BoundedPulumiCommand} passes an event log file and
 *       reads it once the CLI has ended (never waiting for a {@code cancelEvent}, see there).
 *       The change summary comes from its {@code summaryEvent}.</li>
 *   <li>{@link WorkspaceStack#destroy}: {@code destroy --yes --skip-preview --exec-kind auto.local --stack S},
 *       then {@code stack history --json --page-size 1 --stack S}.</li>
 * </ul>
 */
public final class AutomationExecutor implements PartExecutor {
    /** The work directory that reads the fleet stack's config. */
    static final String FLEET_DIR = "fleet";
    /** Shorter secrets are not masked in messages (masking "1" would mangle every number). */
    private static final int MASKED_LENGTH = 3;
    private static final int ERROR_LINES = 3;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final String fleetStack;
    private final Path workRoot;
    private final String projectYaml;
    private final BoundedPulumiCommand pulumi;
    private final Duration timeout;
    private final Map<String, ConfigValue> fleetConfig;
    private final Set<String> projectKeys;
    private final List<String> secrets;
    /**
     * The project's policy pack ({@code policies/}), run on every part's preview and update as the
     * workflows run it on the whole stack; in a part it leaves the stack-wide rules for all parts.
     * {@code UpdateOptions.policyPacks} becomes one {@code --policy-pack <dir>} per entry on the
     * preview and up command lines (pulumi-java WorkspaceStack, checked in the 1.36.1 jar;
     * StandInPulumiTest asserts it).
     */
    private final List<String> policyPacks;

    private AutomationExecutor(String fleetStack, Path workRoot, String projectYaml, BoundedPulumiCommand pulumi, Duration timeout,
                               Map<String, ConfigValue> fleetConfig, Set<String> projectKeys, List<String> secrets, List<String> policyPacks) {
        this.timeout = timeout;
        this.fleetStack = fleetStack;
        this.workRoot = workRoot;
        this.projectYaml = projectYaml;
        this.pulumi = pulumi;
        this.fleetConfig = Collections.unmodifiableMap(new LinkedHashMap<>(fleetConfig));
        this.projectKeys = Set.copyOf(projectKeys);
        this.secrets = List.copyOf(secrets);
        this.policyPacks = List.copyOf(policyPacks);
    }

    /**
     * Checks the {@code pulumi} CLI and reads the fleet stack's config, in {@code <work root>/fleet}
     * (the project file and the stack file copied there).
     *
     * @param projectFile the project's {@code Pulumi.yaml}
     * @param stackFile   the fleet stack's {@code Pulumi.<stack>.yaml}
     * @param fleetStack  the fleet stack's name
     * @param workRoot    where the parts' work directories go
     * @param binary      the pulumi command ({@code pulumi}: found on PATH)
     * @param timeout     how long each part (every pulumi call for it together) and the config read may take
     * @throws FleetException when the CLI is missing, too old or does not answer, or the config cannot be read
     */
    public static AutomationExecutor open(Path projectFile, Path stackFile, String fleetStack, Path workRoot, String binary,
                                          Duration timeout) throws FleetException {
        String projectYaml = partProject(projectFile);
        BoundedPulumiCommand pulumi;
        try {
            pulumi = BoundedPulumiCommand.create(binary, timeout);
        } catch (AutomationException e) {
            throw new FleetException("cannot run the pulumi CLI (" + cause(e) + "); install Pulumi 3.95 or later and put `pulumi` on PATH");
        }
        Path fleetDir = workRoot.resolve(FLEET_DIR);
        Map<String, ConfigValue> config;
        try {
            Files.createDirectories(fleetDir);
            Files.writeString(fleetDir.resolve("Pulumi.yaml"), projectYaml);
            Files.copy(stackFile, fleetDir.resolve("Pulumi." + fleetStack + ".yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FleetException("cannot prepare " + fleetDir + ": " + e.getMessage());
        }
        try (var workspace = LocalWorkspace.create(LocalWorkspaceOptions.builder().workDir(fleetDir).pulumiCommand(pulumi.within(timeout)).build())) {
            // The real CLI reads a stack's config only for a stack that exists in the backend (without
            // a terminal: "no stack named 'dev' found", pulumi/pulumi pkg/cmd/pulumi requireStack). The
            // fleet stack is never deployed, it only holds the config: a first run creates it, empty.
            WorkspaceStack.createOrSelect(fleetStack, workspace);
            config = workspace.getAllConfig(fleetStack);
        } catch (Exception e) {
            // The stack's config is decrypted on stdout: only the error stream is ever shown.
            throw new FleetException("cannot read the config of stack " + fleetStack + ": " + cause(e));
        }
        for (String key : List.of(PartConfig.PART_KEY, PartConfig.FLEET_STACK_KEY)) {
            if (config.containsKey(key)) {
                throw new FleetException("stack " + fleetStack + " sets " + key + ", so it is a part stack, not a fleet stack; "
                        + "run the fleet commands on the fleet stack");
            }
        }
        // Keys of the project file's config block reach each part through its copy of Pulumi.yaml;
        // they are set on the part stack only when the fleet stack file sets them itself.
        Set<String> projectKeys = configKeys(projectFile, true);
        Set<String> stackKeys = configKeys(stackFile, false);
        Map<String, ConfigValue> partConfig = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (!projectKeys.contains(key) || stackKeys.contains(key)) {
                partConfig.put(key, value);
            }
        });
        // Longest first, so a secret that contains another is masked whole.
        List<String> secrets = config.values().stream().filter(ConfigValue::isSecret).map(ConfigValue::value)
                .filter(v -> v != null && v.length() >= MASKED_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed()).distinct().toList();
        Path pack = projectFile.toAbsolutePath().normalize().getParent().resolve("policies");
        List<String> policyPacks = Files.isRegularFile(pack.resolve("PulumiPolicy.yaml")) ? List.of(pack.toString()) : List.of();
        return new AutomationExecutor(fleetStack, workRoot, projectYaml, pulumi, timeout, partConfig, projectKeys, secrets, policyPacks);
    }

    @Override
    public String run(Part part, Action action) throws Exception {
        Path dir = workRoot.resolve(part.name());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Pulumi.yaml"), projectYaml);
        String stackName = Part.stackName(fleetStack, part.name());
        Path log = dir.resolve(action.verb() + ".log");
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        BoundedPulumiCommand partCommand = pulumi.within(timeout);
        try (BufferedWriter logFile = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
             // One deadline for every call of this part: the whole part ends within the timeout.
             var workspace = LocalWorkspace.create(LocalWorkspaceOptions.builder().workDir(dir).pulumiCommand(partCommand).build())) {
            // The CLI masks secrets in its own output; masked again here in case a message echoes one.
            Consumer<String> out = line -> write(logFile, redact(line));
            Consumer<String> err = line -> {
                write(logFile, redact(line));
                errors.add(line);
            };
            WorkspaceStack stack;
            if (action == Action.DESTROY) {
                try {
                    stack = WorkspaceStack.select(stackName, workspace);
                } catch (StackNotFoundException e) {
                    return "no stack " + stackName + ", nothing to destroy";
                }
            } else {
                stack = WorkspaceStack.createOrSelect(stackName, workspace);
            }
            configure(stack, part);
            return switch (action) {
                case PREVIEW -> changes(stack.preview(PreviewOptions.builder().policyPacks(policyPacks).onStandardOutput(out)
                        .onStandardError(err).build()).changeSummary());
                case UP -> up(partCommand, stack, dir, out, err);
                case DESTROY -> changes(stack.destroy(DestroyOptions.builder().onStandardOutput(out).onStandardError(err).build())
                        .summary().resourceChanges());
            };
        } catch (UncheckedIOException e) {
            throw new FleetException("cannot write " + log + ": " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            // The command ended well but what it printed could not be read: WorkspaceStack.up reads the newest
            // `stack history` entry with Optional.get (pulumi-java 1.36.1), Gson parses `stack output --json`.
            throw new FleetException("pulumi " + action.verb() + " gave no result the Automation API could read (" + redact(cause(e)) + ")"
                    + (errors.stream().allMatch(String::isBlank) ? "" : "; pulumi's last error lines: " + redact(lastLines(errors))) + " (log: " + log + ")");
        } catch (AutomationException e) {
            // A failed command: its own error stream (it ends with the timeout line when it was stopped). Else what the
            // Automation API could not read, with pulumi's last error lines.
            String reason = e instanceof CommandException || errors.stream().allMatch(String::isBlank) ? cause(e)
                    : cause(e) + "; pulumi's last error lines: " + lastLines(errors);
            throw new FleetException(redact(reason) + " (log: " + log + ")");
        }
    }

    /**
     * {@code pulumi up} of a part stack, then its summary from the stack's history. Not
     * {@link WorkspaceStack#up}: in pulumi-java 1.36.1 it reads the stack's outputs afterwards as
     * strings only ({@code LocalWorkspace.getStackOutputs} parses {@code stack output --json} with a
     * gson {@code TypeToken<Map<String, String>>}, checked in the jar with javap), so every part, whose
     * outputs are maps and lists, failed after a successful update with "Expected a string but was
     * BEGIN_OBJECT" (found by the real CLI, RealFleetTest). The command is the one
     * {@code WorkspaceStack.up} runs, through the part's bounded command, so it keeps the part's deadline.
     */
    private String up(BoundedPulumiCommand command, WorkspaceStack stack, Path dir, Consumer<String> out, Consumer<String> err)
            throws AutomationException {
        List<String> args = new ArrayList<>(List.of("up", "--yes", "--skip-preview", "--exec-kind", "auto.local", "--stack", stack.name()));
        policyPacks.forEach(pack -> args.addAll(List.of("--policy-pack", pack)));
        command.run(args, CommandRunOptions.builder().workingDir(dir).onStandardOutput(out).onStandardError(err).build());
        List<UpdateSummary> last = stack.getHistory(HistoryOptions.builder().pageSize(1).build());
        if (last.isEmpty()) {
            // Every `pulumi up` records an update, failed or not: a CLI that ended well without one did not run it.
            throw new IllegalStateException("no update in the stack's history after `pulumi up`");
        }
        return changes(last.get(0).resourceChanges());
    }

    /** The part stack's config: the fleet's, both part keys, and nothing else (stale keys removed). */
    private void configure(WorkspaceStack stack, Part part) throws AutomationException {
        Map<String, ConfigValue> wanted = new LinkedHashMap<>(fleetConfig);
        wanted.put(PartConfig.PART_KEY, new ConfigValue(part.name(), false));
        wanted.put(PartConfig.FLEET_STACK_KEY, new ConfigValue(fleetStack, false));
        Set<String> stale = new TreeSet<>(stack.getAllConfig().keySet());
        stale.removeAll(wanted.keySet());
        stale.removeAll(projectKeys);
        stack.setAllConfig(wanted);
        if (!stale.isEmpty()) {
            stack.removeAllConfig(List.copyOf(stale));
        }
    }

    /** {@code 3 create, 2 same}: the engine's change counts (changes first, unchanged last), or empty when there are none. */
    private static String changes(Map<OperationType, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            return "";
        }
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<OperationType, Integer> e) -> e.getKey() == OperationType.SAME)
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** {@code text} with every secret config value of the fleet replaced by {@code [secret]}. */
    String redact(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "[secret]");
        }
        return out;
    }

    /** The fleet config keys set on every part stack and which are secret (never the values). */
    public Map<String, Boolean> partConfigKeys() {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        fleetConfig.forEach((k, v) -> keys.put(k, v.isSecret()));
        return keys;
    }

    /**
     * The project file for a part's work directory: the project's {@code Pulumi.yaml} with its
     * relative paths (runtime binary, main, plugin paths, a {@code file://} backend) made absolute
     * and without {@code stackConfigDir}, so each part's stack config file lives in its own directory.
     */
    static String partProject(Path projectFile) throws FleetException {
        Path base = projectFile.toAbsolutePath().normalize().getParent();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(projectFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FleetException("cannot read the Pulumi project file " + projectFile + ": " + e.getMessage());
        }
        if (!(root instanceof ObjectNode project)) {
            throw new FleetException(projectFile + ": not a Pulumi project file (no mapping at the top)");
        }
        project.remove("stackConfigDir");
        absolute(project, "main", base);
        if (project.path("runtime").path("options") instanceof ObjectNode options) {
            absolute(options, "binary", base);
        }
        if (project.path("plugins") instanceof ObjectNode plugins) {
            plugins.forEach(kind -> kind.forEach(plugin -> {
                if (plugin instanceof ObjectNode p) {
                    absolute(p, "path", base);
                }
            }));
        }
        if (project.path("backend") instanceof ObjectNode backend && backend.path("url").isTextual()) {
            String url = backend.path("url").asText();
            String path = url.startsWith("file://") ? url.substring("file://".length()) : null;
            if (path != null && !path.isEmpty() && !path.startsWith("/") && !path.startsWith("~")) {
                backend.put("url", "file://" + base.resolve(path).normalize());
            }
        }
        try {
            return YAML.writeValueAsString(project);
        } catch (IOException e) {
            throw new FleetException("cannot write the part project file: " + e.getMessage());
        }
    }

    /**
     * The config keys a project file ({@code project}: keys without a namespace belong to the project)
     * or a stack file sets under {@code config:}.
     */
    static Set<String> configKeys(Path file, boolean project) throws FleetException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FleetException("cannot read " + file + ": " + e.getMessage());
        }
        String namespace = root == null ? "" : root.path("name").asText("");
        Set<String> keys = new TreeSet<>();
        if (root != null) {
            root.path("config").fieldNames().forEachRemaining(k -> keys.add(project && !k.contains(":") ? namespace + ":" + k : k));
        }
        return keys;
    }

    private static void absolute(ObjectNode node, String field, Path base) {
        if (node.get(field) instanceof TextNode text && !text.asText().isBlank() && !Path.of(text.asText()).isAbsolute()) {
            node.put(field, base.resolve(text.asText()).normalize().toString());
        }
    }

    private static void write(BufferedWriter log, String line) {
        synchronized (log) {
            try {
                log.write(line);
                log.newLine();
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String lastLines(List<String> lines) {
        List<String> nonBlank;
        synchronized (lines) {
            nonBlank = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
        return String.join("; ", nonBlank.subList(Math.max(0, nonBlank.size() - ERROR_LINES), nonBlank.size()));
    }

    /**
     * What went wrong, from an Automation API exception: for a failed command, the last lines of its
     * error stream (never its standard output, which may hold decrypted config); else the message.
     */
    static String cause(Throwable e) {
        if (e instanceof CommandException && e.getMessage() != null) {
            String message = e.getMessage();
            int stderr = message.lastIndexOf("stderr: ");
            String text = stderr < 0 ? "" : message.substring(stderr + "stderr: ".length());
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            int code = message.indexOf("code: ");
            String exit = code < 0 ? "" : "exit " + message.substring(code + "code: ".length()).lines().findFirst().orElse("").strip();
            return lines.isEmpty() ? "pulumi failed with " + exit
                    : String.join("; ", lines.subList(Math.max(0, lines.size() - ERROR_LINES), lines.size()));
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }

    /** Prepares the root of the part work directories. */
    public static Path workRoot(Path requested) throws IOException {
        if (requested != null) {
            return Files.createDirectories(requested).toAbsolutePath().normalize();
        }
        return Files.createTempDirectory("multisite-fleet-").toAbsolutePath();
    }

    /** A failure that is reported as one line: its message never holds a secret value. */
    public static final class FleetException extends Exception {
        public FleetException(String message) {
            super(message);
        }
    }
}
