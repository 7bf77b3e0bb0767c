package dev.multisite.stack.pkg;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.ResourceProviderGrpc;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A provider plugin started the way the Pulumi engine starts one: a child process given the
 * engine's address as its only argument, which prints the port of its ResourceProvider server as
 * the first line of stdout. Here the plugin is a main class on this JVM's classpath (test classes
 * included), run by this JVM's java binary.
 */
public final class PluginProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final ManagedChannel channel;
    private final int port;

    private PluginProcess(Class<?> mainClass, String engineAddress, List<String> jvmArgs, Duration startTimeout) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName(), engineAddress));
        this.process = new ProcessBuilder(command).start();

        // stdout's first line is the port; anything after it, and all of stderr, is kept for messages.
        CompletableFuture<Integer> portLine = new CompletableFuture<>();
        pump(process.getInputStream(), "stdout", line -> {
            if (!portLine.isDone() && line.strip().matches("\\d+")) {
                portLine.complete(Integer.parseInt(line.strip()));
            } else {
                output.append("[stdout] ").append(line).append('\n');
            }
        }, () -> portLine.completeExceptionally(new IllegalStateException("the plugin closed stdout before printing its port")));
        pump(process.getErrorStream(), "stderr", line -> output.append(line).append('\n'), () -> { });

        try {
            this.port = portLine.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("plugin " + mainClass.getName() + " printed no port within " + startTimeout
                    + " (" + e + "); its output:\n" + output, e);
        }
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    /** Starts {@code mainClass} with {@code engineAddress} as its argument and waits for its port. */
    public static PluginProcess start(Class<?> mainClass, String engineAddress) throws IOException {
        return new PluginProcess(mainClass, engineAddress, List.of(), Duration.ofSeconds(60));
    }

    public static PluginProcess start(Class<?> mainClass, String engineAddress, List<String> jvmArgs, Duration startTimeout)
            throws IOException {
        return new PluginProcess(mainClass, engineAddress, jvmArgs, startTimeout);
    }

    /** A blocking ResourceProvider client; add a deadline per call ({@code withDeadlineAfter}). */
    public ResourceProviderBlockingStub provider() {
        return ResourceProviderGrpc.newBlockingStub(channel);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** The plugin's stderr and any stdout after the port line, for assertion messages. */
    public String output() {
        return output.toString();
    }

    /** Closes the channel and ends the process: politely first (the SDK's shutdown hook stops its server), then by force. */
    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void pump(InputStream stream, String name, Consumer<String> sink, Runnable atEnd) {
        Thread thread = new Thread(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The process went away mid-line: nothing more to read.
            } finally {
                atEnd.run();
            }
        }, "plugin-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
