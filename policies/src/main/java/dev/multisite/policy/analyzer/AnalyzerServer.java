package dev.multisite.policy.analyzer;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The analyzer plugin process, as {@code pulumi-analyzer-policy-multisite} starts it: it listens
 * on a free loopback port, prints that port on the first line of stdout (how the engine finds it),
 * and serves until the engine closes it. Arguments (engine address, pack path) are accepted as the
 * engine passes them; the pack needs neither.
 */
public final class AnalyzerServer {
    private AnalyzerServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new AnalyzerService())
                .build()
                .start();
        System.out.println(server.getPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        server.awaitTermination();
    }
}
