package dev.multisite.ops.netlab;

import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One health checker, run as its own process in its own network namespace (a checker "in another
 * place", as Route 53 runs checkers in several regions): every interval it requests each site's
 * {@code /healthz} and prints {@code <site> ok|fail} per site, one line each, for the lab to count.
 * Arguments: interval in ms, then {@code site=address:port} per site.
 */
public final class LabProbe {
    private LabProbe() {
    }

    /**
     * How long one probe waits for a site (connect, then read): 80% of the interval, so that a probe
     * ends before the next one starts, within 100 ms..2 s. A cut link fails a probe only when it ends.
     */
    static Duration timeout(Duration interval) {
        return Duration.ofMillis(Math.max(100, Math.min(2000, interval.toMillis() * 8 / 10)));
    }

    public static void main(String[] args) {
        long interval = Long.parseLong(args[0]);
        int timeout = (int) timeout(Duration.ofMillis(interval)).toMillis();
        var scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "probe");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(() -> {
            var out = new StringBuilder();
            for (int i = 1; i < args.length; i++) {
                String[] target = args[i].split("=", 2);
                out.append(target[0]).append(probe("http://" + target[1] + "/healthz", timeout) ? " ok" : " fail").append('\n');
            }
            System.out.print(out);
            System.out.flush();
        }, 0, interval, TimeUnit.MILLISECONDS);
        ExitWithParent.await();
        scheduler.shutdownNow();
    }

    private static boolean probe(String url, int timeoutMillis) {
        try {
            var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            int status = connection.getResponseCode();
            connection.disconnect();
            // Route 53 HTTP checks count a 2xx or 3xx status as healthy.
            return status >= 200 && status < 400;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
