package dev.multisite.standins;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Entry point of a STAND-IN provider plugin: {@code StandinProvider <package>} serves
 * {@code pulumirpc.ResourceProvider} on a free loopback port, writes that port as the first line of
 * stdout and serves until the engine kills it. That is how the engine starts a provider plugin: it
 * runs the plugin with the engine's address as its last argument (and logging flags before it), reads
 * the port from the first line of stdout, then dials 127.0.0.1:port (pulumi/pulumi
 * sdk/go/common/resource/plugin/plugin.go, newPlugin and parsePort; provider_plugin.go, NewProvider).
 * The engine's arguments are not needed: a stand-in calls nothing back. Nothing else goes to stdout.
 */
public final class StandinProvider {
    private StandinProvider() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: StandinProvider <package> [engine flags] [engine address]");
            System.exit(2);
        }
        StandinPackage pkg;
        try {
            pkg = StandinPackage.named(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        var provider = new StandinResourceProvider(pkg, new ResourceClasses(pkg, StandinProvider.class.getClassLoader()));
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(provider)
                .maxInboundMessageSize(256 * 1024 * 1024)
                .build()
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println(server.getPort());
        System.out.flush();
        server.awaitTermination();
    }
}
