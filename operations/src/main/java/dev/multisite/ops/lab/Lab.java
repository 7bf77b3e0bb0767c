package dev.multisite.ops.lab;

import dev.multisite.ops.drill.DnsObserver;
import dev.multisite.ops.drill.FailureInjector;
import dev.multisite.ops.drill.HttpObserver;
import dev.multisite.ops.drill.Observer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A whole multi-site setup on one machine, all on loopback: sites {@code lab-1..N} on
 * 127.0.1.1..N, a health checker, and a DNS server on 127.0.0.1 answering the global hostname with
 * the healthy sites. Drills run against it exactly as against the cloud.
 */
public final class Lab implements AutoCloseable {
    private final LabConfig config;
    private final List<LabSite> sites = new ArrayList<>();
    private final LabHealthChecker checker;
    private final LabDnsServer dns;

    public Lab(LabConfig config) throws IOException {
        this.config = config;
        int port = 18080 + ThreadLocalRandom.current().nextInt(1000);
        try {
            for (int i = 1; i <= config.sites(); i++) {
                sites.add(new LabSite("lab-" + i, InetAddress.getByAddress(new byte[]{127, 0, 1, (byte) i}), port));
            }
        } catch (IOException e) {
            sites.forEach(LabSite::close);
            throw e;
        }
        this.checker = new LabHealthChecker(sites, config.checkInterval(), config.failureThreshold());
        this.dns = new LabDnsServer(config.hostname(), Math.max(1, config.ttl().toSeconds()),
                InetAddress.getLoopbackAddress(), checker::healthySites, () -> sites);
    }

    public List<LabSite> sites() {
        return List.copyOf(sites);
    }

    public LabSite site(String name) {
        return sites.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lab site '" + name + "'; the lab has lab-1..lab-" + sites.size()));
    }

    /** Caching resolvers in front of the lab DNS server, plus one HTTP client that follows the first of them. */
    public List<Observer> observers() {
        Map<InetAddress, String> siteByAddress = new HashMap<>();
        sites.forEach(s -> siteByAddress.put(s.address().getAddress(), s.name()));
        List<Observer> observers = new ArrayList<>();
        List<DnsObserver> resolvers = new ArrayList<>();
        for (int i = 1; i <= config.resolvers(); i++) {
            var resolver = new DnsObserver("dns-" + i, dns.address(), config.hostname(), siteByAddress, config.ttl());
            resolvers.add(resolver);
            observers.add(resolver);
        }
        DnsObserver first = resolvers.get(0);
        observers.add(new HttpObserver("http", () -> target(first)));
        return observers;
    }

    private URI target(DnsObserver resolver) {
        Optional<LabSite> site = resolver.lastSites().stream().findFirst().map(this::site);
        LabSite chosen = site.orElse(sites.get(0));
        return URI.create("http://" + chosen.address().getHostString() + ":" + chosen.address().getPort() + "/");
    }

    /** Fails a lab site (503 on every request) and brings it back. */
    public FailureInjector failSite(String name) {
        LabSite site = site(name);
        return new FailureInjector() {
            @Override
            public String describe() {
                return "fail lab site " + name + " (every request answers 503)";
            }

            @Override
            public void inject() {
                site.setServing(false);
            }

            @Override
            public void restore() {
                site.setServing(true);
            }
        };
    }

    public LabConfig config() {
        return config;
    }

    @Override
    public void close() {
        dns.close();
        checker.close();
        sites.forEach(LabSite::close);
    }
}
