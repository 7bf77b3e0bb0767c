package dev.multisite.policy.analyzer;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The analyzer plugin process, as {@code pulumi-analyzer-policy-multisite} starts it: it listens
 * on a free loopback port, prints that port on the first line of stdout (how the engine finds it),
 * and serves until the engine closes it. The engine starts it with optional logging flags, its own
 * address, {@code .} and runtime options, in the pack directory, with the stack config as JSON in
 * {@code PULUMI_CONFIG} (pulumi/pulumi pkg/resource/plugin/analyzer_plugin.go); the pack needs
 * none of the arguments. Nothing but the port may go to stdout.
 */
public final class AnalyzerServer {
    private AnalyzerServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new AnalyzerService(System.getenv("PULUMI_CONFIG")))
                .build()
                .start();
        System.out.println(server.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        server.awaitTermination();
    }
}
