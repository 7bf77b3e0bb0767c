package dev.multisite.ops.lab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The lab's global health checker, with the semantics of a Route 53 health check: every interval it
 * requests each site's {@code /healthz}; a site turns unhealthy after {@code failureThreshold}
 * consecutive failures and healthy again after as many consecutive successes.
 */
public final class LabHealthChecker implements AutoCloseable {
    private final List<LabSite> sites;
    private final int failureThreshold;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Integer> streak = new ConcurrentHashMap<>();
    private final Set<String> healthy = ConcurrentHashMap.newKeySet();

    public LabHealthChecker(Collection<LabSite> sites, Duration interval, int failureThreshold) {
        this.sites = List.copyOf(sites);
        this.failureThreshold = failureThreshold;
        this.http = HttpClient.newBuilder().connectTimeout(interval).build();
        sites.forEach(s -> healthy.add(s.name()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-health-checker");
            t.setDaemon(true);
            return t;
        });
        long period = interval.toMillis();
        scheduler.scheduleAtFixedRate(this::checkAll, period, period, TimeUnit.MILLISECONDS);
    }

    private void checkAll() {
        for (LabSite site : sites) {
            boolean ok = probe(site);
            // streak > 0 counts consecutive successes, < 0 consecutive failures.
            int s = streak.merge(site.name(), ok ? 1 : -1, (old, step) -> Integer.signum(old) == step ? old + step : step);
            if (s <= -failureThreshold) {
                healthy.remove(site.name());
            } else if (s >= failureThreshold) {
                healthy.add(site.name());
            }
        }
    }

    private boolean probe(LabSite site) {
        var uri = URI.create("http://" + site.address().getHostString() + ":" + site.address().getPort() + "/healthz");
        try {
            var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The sites the checker currently considers healthy, in site order. */
    public List<LabSite> healthySites() {
        return sites.stream().filter(s -> healthy.contains(s.name())).collect(Collectors.toList());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
