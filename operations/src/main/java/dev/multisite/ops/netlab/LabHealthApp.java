package dev.multisite.ops.netlab;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A site's health app, run as its own process inside the site's network namespace: {@code /healthz}
 * answers 200, {@code /} names the site in {@code X-Multisite-Site} (as the deep health app does).
 * Killing this process is the lab's "killed app" fault. It exits when its parent's pipe closes, so
 * a lab that dies leaves no app behind. Arguments: site name, address, port.
 */
public final class LabHealthApp {
    private LabHealthApp() {
    }

    public static void main(String[] args) throws Exception {
        String site = args[0];
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2])), 16);
        server.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().equals("/healthz") ? "ok" : site).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Multisite-Site", site);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("ready");
        System.out.flush();
        ExitWithParent.await();
        server.stop(0);
    }
}
