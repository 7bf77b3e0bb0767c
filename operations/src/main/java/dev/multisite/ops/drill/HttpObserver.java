package dev.multisite.ops.drill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Requests the global hostname as a client would and records which site answered (the deep
 * health app's {@value #SITE_HEADER} header) and whether it succeeded.
 */
public final class HttpObserver extends NamedObserver {
    public static final String SITE_HEADER = "X-Multisite-Site";

    private final Supplier<URI> target;
    private final Duration timeout;
    private final HttpClient http;

    /** @param target where to send the next request (the lab resolves it from its DNS each time) */
    public HttpObserver(String name, Supplier<URI> target) {
        this(name, target, Duration.ofSeconds(3));
    }

    /** @param timeout bound of one request (connecting included), so that a dead site does not stall the sampling */
    public HttpObserver(String name, Supplier<URI> target, Duration timeout) {
        super(name, Observation.Kind.HTTP);
        this.target = target;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2)).build();
    }

    @Override
    public Observation observe(long atMillis) {
        try {
            URI uri = target.get();
            var response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String site = response.headers().firstValue(SITE_HEADER).orElse("");
            return seen(atMillis, site.isEmpty() ? Set.of() : Set.of(site),
                    response.statusCode() == 200, "HTTP " + response.statusCode() + (site.isEmpty() ? "" : " from " + site));
        } catch (java.io.IOException | RuntimeException e) {
            return failed(atMillis, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(atMillis, "interrupted");
        }
    }
}
