package dev.multisite.ops.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One local site: an HTTP server on its own loopback address answering {@code /healthz} (200 while
 * the site can serve, 503 once it is failed) and {@code /} with the site name in the
 * {@value #SITE_HEADER} header and body, like the deep health app does on a real site.
 */
public final class LabSite implements AutoCloseable {
    public static final String SITE_HEADER = "X-Multisite-Site";

    private final String name;
    private final InetSocketAddress address;
    private final HttpServer server;
    private final AtomicBoolean serving = new AtomicBoolean(true);

    public LabSite(String name, InetAddress loopback, int port) throws IOException {
        if (!loopback.isLoopbackAddress()) {
            throw new IllegalArgumentException(loopback + " is not a loopback address; the lab only listens on 127.0.0.0/8");
        }
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(loopback, port), 32);
        this.server.createContext("/", this::handle);
        this.server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "lab-site-" + name);
            t.setDaemon(true);
            return t;
        }));
        this.server.start();
        this.address = server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean up = serving.get();
        byte[] body = ((up ? "ok " : "failing ") + name + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add(SITE_HEADER, name);
        exchange.sendResponseHeaders(up ? 200 : 503, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    public String name() {
        return name;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Makes the site fail (every request answers 503) or serve again. */
    public void setServing(boolean up) {
        serving.set(up);
    }

    public boolean serving() {
        return serving.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
