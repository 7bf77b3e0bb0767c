package dev.multisite.stack.fleet;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.ConcurrentUpdateException;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.StackAlreadyExistsException;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.Version;
import com.pulumi.automation.events.EngineEvent;
import com.pulumi.automation.serialization.internal.LocalSerializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The {@code pulumi} CLI as the Automation API's {@link PulumiCommand}, with every call bounded by a
 * deadline: a call still running at the deadline is killed with its child processes and fails.
 *
 * <p>Why not pulumi-java's {@code LocalPulumiCommand}: it waits for each process without a limit,
 * and when a call asks for engine events (every {@code WorkspaceStack.preview} does) it tails the
 * {@code --event-log} file until a line with a {@code cancelEvent} and then joins that reader
 * without a timeout (pulumi-java 1.36.1, sdk/java/pulumi/src/main/java/com/pulumi/automation/
 * LocalPulumiCommand.java runWithFileEventLog, and events/internal/EventLogWatcher.java: the loop
 * only breaks on a cancelEvent, {@code close()} is {@code future.join()}). A CLI that exits before
 * it writes that event (it fails at start-up, it is not the real CLI) leaves {@code fleet preview}
 * waiting forever; pulumi/pulumi#20151 reports the same hang in the Node.js Automation API. Here the
 * event log is read once the process has exited, so no event is needed to end a call.
 *
 * <p>What is kept from pulumi-java's command, so that {@code WorkspaceStack} behaves the same:
 * {@code --non-interactive} appended, {@code PULUMI_DEBUG_COMMANDS=true} in the environment, and the
 * failed-call exceptions chosen from the error stream ({@code StackNotFoundException} for "no stack
 * named ... found", {@code StackAlreadyExistsException} for "stack ... already exists",
 * {@code ConcurrentUpdateException} for a locked stack), as {@code createExceptionFromResult} does.
 */
public final class BoundedPulumiCommand implements PulumiCommand {
    /** How long {@code pulumi version} may take: it reads no state, so a longer wait means a broken CLI. */
    public static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    /** The CLI versions the Automation API 1.36.1 accepts (LocalPulumiCommand.MINIMUM_VERSION; below 4). */
    static final Version MINIMUM = Version.of(3, 95, 0);
    /** Exit code reported for a killed call, as coreutils' timeout(1) reports one. */
    static final int TIMED_OUT = 124;
    private static final Pattern NOT_FOUND = Pattern.compile("no stack named.*found");
    private static final Pattern ALREADY_EXISTS = Pattern.compile("stack.*already exists");
    private static final List<String> CONFLICT = List.of("[409] Conflict: Another update is currently in progress.", "the stack is currently locked by");
    /** After the process ended, how long its output readers may take to drain (a grandchild may hold the pipe). */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    /** Characters kept of each output stream (the JSON the Automation API parses is far smaller). */
    private static final int MAX_KEPT = 16 * 1024 * 1024;

    private final String binary;
    private final Version version;
    private final Instant deadline;
    private final String timeoutText;

    private BoundedPulumiCommand(String binary, Version version, Instant deadline, String timeoutText) {
        this.binary = binary;
        this.version = version;
        this.deadline = deadline;
        this.timeoutText = timeoutText;
    }

    /**
     * Runs {@code pulumi version} (bounded by {@link #VERSION_TIMEOUT} or {@code timeout}, whichever
     * is shorter) and checks the version as the Automation API would.
     *
     * @param binary the command: {@code pulumi} (found on PATH) or a path
     * @throws AutomationException one line: missing CLI, no answer in time, or not a supported version
     */
    public static BoundedPulumiCommand create(String binary, Duration timeout) throws AutomationException {
        Duration limit = timeout.compareTo(VERSION_TIMEOUT) < 0 ? timeout : VERSION_TIMEOUT;
        var probe = new BoundedPulumiCommand(binary, null, Instant.now().plus(limit), text(limit));
        CommandResult result = probe.execute(List.of("version"), CommandRunOptions.Empty, false);
        if (result.code() != 0) {
            throw new CommandException(result);
        }
        String printed = result.standardOutput().strip();
        Version found = Version.tryParse(printed.startsWith("v") ? printed.substring(1) : printed)
                .orElseThrow(() -> new AutomationException("`" + binary + " version` printed '" + shorten(printed)
                        + "', not a version; expected e.g. v3.200.0"));
        boolean skip = System.getenv("PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK") != null;
        if (!skip && (found.compareTo(MINIMUM) < 0 || found.majorVersion() != 3)) {
            throw new AutomationException("pulumi " + printed + " is not supported; the Automation API needs 3.95 or later, below 4");
        }
        return new BoundedPulumiCommand(binary, found, Instant.MAX, "");
    }

    /** The same CLI, every call of which must end within {@code timeout} from now. */
    public BoundedPulumiCommand within(Duration timeout) {
        return new BoundedPulumiCommand(binary, version, Instant.now().plus(timeout), text(timeout));
    }

    @Override
    public Version version() {
        return version;
    }

    @Override
    public CommandResult run(List<String> args, CommandRunOptions options) throws AutomationException {
        CommandResult result = execute(args, options, true);
        if (result.code() == 0) {
            return result;
        }
        String stderr = result.standardError();
        if (NOT_FOUND.matcher(stderr).find()) {
            throw new StackNotFoundException(result);
        }
        if (ALREADY_EXISTS.matcher(stderr).find()) {
            throw new StackAlreadyExistsException(result);
        }
        if (CONFLICT.stream().anyMatch(stderr::contains)) {
            throw new ConcurrentUpdateException(result);
        }
        throw new CommandException(result);
    }

    private CommandResult execute(List<String> args, CommandRunOptions options, boolean nonInteractive) throws AutomationException {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(args);
        if (nonInteractive && !command.contains("--non-interactive")) {
            command.add("--non-interactive");
        }
        Path events = null;
        try {
            if (options.onEngineEvent() != null) {
                events = Files.createTempFile("multisite-events-", ".log");
                command.add("--event-log");
                command.add(events.toString());
            }
            var builder = new ProcessBuilder(command);
            if (options.workingDir() != null) {
                builder.directory(options.workingDir().toFile());
            }
            Map<String, String> env = builder.environment();
            env.put("PULUMI_DEBUG_COMMANDS", "true");
            if (options.additionalEnv() != null) {
                env.putAll(options.additionalEnv());
            }
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AutomationException("cannot run `" + binary + "` (" + e.getMessage() + "); install Pulumi and put `pulumi` on PATH");
            }
            var stdout = new Lines(process.getInputStream(), options.onStandardOutput());
            var stderr = new Lines(process.getErrorStream(), options.onStandardError());
            writeInput(process, options.standardInput());
            boolean ended = waitUntilDeadline(process);
            if (!ended) {
                kill(process);
            }
            stdout.drain();
            stderr.drain();
            if (!ended) {
                String line = "multisite: `pulumi " + (args.isEmpty() ? "" : args.get(0)) + "` did not end within " + timeoutText + "; it was stopped";
                return new CommandResult(TIMED_OUT, stdout.text(), stderr.text() + line + "\n");
            }
            if (events != null) {
                replay(events, options.onEngineEvent());
            }
            return new CommandResult(process.exitValue(), stdout.text(), stderr.text());
        } catch (IOException e) {
            throw new AutomationException("cannot run `" + binary + "`: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AutomationException("interrupted while `pulumi " + (args.isEmpty() ? "" : args.get(0)) + "` ran");
        } finally {
            if (events != null) {
                try {
                    Files.deleteIfExists(events);
                } catch (IOException e) {
                    // A temporary file left behind is harmless.
                }
            }
        }
    }

    private boolean waitUntilDeadline(Process process) throws InterruptedException {
        if (deadline.equals(Instant.MAX)) {
            process.waitFor();
            return true;
        }
        long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** The process and everything it started (language hosts, plugins): they would hold its pipes open. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void writeInput(Process process, String input) {
        try (var in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The process did not read its input (it exited early): its exit code says what happened.
        }
    }

    /** Each engine event the CLI wrote, once it has ended; lines that are not events are skipped. */
    private static void replay(Path events, Consumer<EngineEvent> onEvent) throws IOException {
        var serializer = new LocalSerializer();
        for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            EngineEvent event;
            try {
                event = serializer.deserializeJson(line, EngineEvent.class);
            } catch (RuntimeException e) {
                continue;
            }
            if (event != null) {
                onEvent.accept(event);
            }
        }
    }

    private static String text(Duration timeout) {
        long seconds = timeout.toSeconds();
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static String shorten(String text) {
        String one = text.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
        return one.length() > 40 ? one.substring(0, 40) + "..." : one;
    }

    /** One output stream of the process, read line by line on its own thread. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();
        private final Thread reader;

        Lines(InputStream stream, Consumer<String> onLine) {
            reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (text) {
                            // Bounded: a CLI printing without end must not fill the heap before its deadline.
                            if (text.length() < MAX_KEPT) {
                                text.append(line).append('\n');
                            }
                        }
                        if (onLine != null) {
                            onLine.accept(line);
                        }
                    }
                } catch (IOException e) {
                    // The stream closed under us (the process was killed): what was read is kept.
                }
            }, "pulumi-output");
            reader.setDaemon(true);
            reader.start();
        }

        void drain() throws InterruptedException {
            reader.join(DRAIN.toMillis());
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}
