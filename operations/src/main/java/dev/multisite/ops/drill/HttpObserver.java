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
public final class HttpObserver implements Observer {
    public static final String SITE_HEADER = "X-Multisite-Site";

    private final String name;
    private final Supplier<URI> target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param target where to send the next request (the lab resolves it from its DNS each time) */
    public HttpObserver(String name, Supplier<URI> target) {
        this.name = name;
        this.target = target;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Observation.Kind kind() {
        return Observation.Kind.HTTP;
    }

    @Override
    public Observation observe(long atMillis) {
        try {
            URI uri = target.get();
            var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String site = response.headers().firstValue(SITE_HEADER).orElse("");
            return new Observation(atMillis, name, kind(), site.isEmpty() ? Set.of() : Set.of(site),
                    response.statusCode() == 200, "HTTP " + response.statusCode() + (site.isEmpty() ? "" : " from " + site));
        } catch (java.io.IOException | RuntimeException e) {
            return new Observation(atMillis, name, kind(), Set.of(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Observation(atMillis, name, kind(), Set.of(), false, "interrupted");
        }
    }
}
