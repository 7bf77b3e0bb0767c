package dev.multisite.topology;

import java.util.List;

/**
 * The one health definition every DNS backend is built from.
 *
 * @param path             request path; default {@code /healthz} (the deep health app)
 * @param port             default 443
 * @param protocol         {@code https} (default) or {@code http}
 * @param intervalSeconds  seconds between checks from each checker; default 10 (Route 53 allows 10 or 30)
 * @param failureThreshold consecutive failures before a site is unhealthy; default 2 (1..10)
 * @param regions          Route 53 checker regions, at least 3; default us-east-1, eu-west-1, ap-southeast-1
 * @param expectedBody     a string the body must contain (Route 53 string match, Cloudflare expected body); optional
 */
public record HealthCheckSettings(String path, Integer port, String protocol, Integer intervalSeconds, Integer failureThreshold,
                                  List<String> regions, String expectedBody) {
    public static final List<String> DEFAULT_REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-1");

    public HealthCheckSettings {
        path = path == null ? "/healthz" : path;
        port = port == null ? 443 : port;
        protocol = protocol == null ? "https" : protocol;
        intervalSeconds = intervalSeconds == null ? 10 : intervalSeconds;
        failureThreshold = failureThreshold == null ? 2 : failureThreshold;
        regions = regions == null ? DEFAULT_REGIONS : List.copyOf(regions);
    }
}
