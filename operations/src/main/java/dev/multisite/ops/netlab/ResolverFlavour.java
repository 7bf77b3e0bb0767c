package dev.multisite.ops.netlab;

import java.nio.file.Path;
import java.util.List;

/**
 * The caching resolvers clients sit behind: Unbound and Knot Resolver with their defaults, and
 * Unbound with the settings users really run. Each forwards the lab zone to the lab's authority
 * (a stub zone) and validates nothing there (the lab zone is unsigned and there is no root).
 */
public enum ResolverFlavour {
    /** Unbound 1.17 as shipped: cache-min-ttl 0, no prefetch, no serve-expired. */
    UNBOUND_DEFAULT("unbound", "Unbound, defaults", ""),
    /**
     * prefetch refreshes popular names before they expire (unbound.conf(5): "in the last 10 percent of their TTL");
     * serve-expired answers from the expired cache and refreshes behind the client, so an expired answer can be served once more.
     */
    UNBOUND_PREFETCH_SERVE_EXPIRED("unbound", "Unbound, prefetch + serve-expired",
            "  prefetch: yes\n  serve-expired: yes\n"),
    /** cache-min-ttl raises every TTL below it to it (unbound.conf(5)); 300 is a common "performance" setting. */
    UNBOUND_CACHE_MIN_TTL_300("unbound", "Unbound, cache-min-ttl: 300", "  cache-min-ttl: 300\n"),
    /** Knot Resolver 5.6 as shipped; note its default cache.min_ttl is 5 s (kresd docs, "Cache": min_ttl default 5). */
    KRESD_DEFAULT("kresd", "Knot Resolver, defaults", "");

    private final String program;
    private final String label;
    private final String extraUnboundSettings;

    ResolverFlavour(String program, String label, String extraUnboundSettings) {
        this.program = program;
        this.label = label;
        this.extraUnboundSettings = extraUnboundSettings;
    }

    public String label() {
        return label;
    }

    /** The flavour with this {@link #key()}, if any. */
    public static java.util.Optional<ResolverFlavour> byKey(String key) {
        return java.util.Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether this flavour's settings alone may hold an answer longer than the zone's TTL. */
    public boolean raisesTtl() {
        return this == UNBOUND_CACHE_MIN_TTL_300;
    }

    /** Why this flavour hands out answers with a TTL longer than the zone's, from its documented settings. */
    String whyTtlIsLonger() {
        return switch (this) {
            case UNBOUND_CACHE_MIN_TTL_300 -> " (cache-min-ttl: 300 raises every lower TTL to 300 s, so a cached answer outlives the failover by up to 300 s)";
            // unbound.conf(5): serve-expired-reply-ttl, default 30: the TTL of an expired answer served from the cache.
            case UNBOUND_PREFETCH_SERVE_EXPIRED -> " (serve-expired answers from the expired cache with serve-expired-reply-ttl, 30 s by default, then refreshes)";
            // Knot Resolver docs, cache.min_ttl: default 5 s.
            case KRESD_DEFAULT -> " (Knot Resolver's cache.min_ttl is 5 s by default)";
            case UNBOUND_DEFAULT -> "";
        };
    }

    String configFileName() {
        return key() + (program.equals("unbound") ? ".conf" : ".lua");
    }

    /** The configuration file's text for a resolver listening on {@code listen} in front of {@code authority}. */
    String config(String listen, String subnet, String authority, Path dir) {
        if (program.equals("unbound")) {
            // unbound.conf(5): access-control refuses everything but localhost by default; chroot, user and pidfile are
            // cleared so that the lab's process runs in the lab's directory; the lab zone is declared insecure (unsigned).
            return "server:\n  interface: " + listen + "\n  port: 53\n  access-control: " + subnet + " allow\n  do-ip6: no\n"
                    + "  chroot: \"\"\n  username: \"\"\n  pidfile: \"\"\n  directory: \"" + dir + "\"\n  use-syslog: no\n  logfile: \"\"\n"
                    + "  domain-insecure: \"" + NetLabConfig.ZONE + ".\"\n"
                    // "test." is one of Unbound's default local zones (RFC 6761 names answer NXDOMAIN); free it for the stub.
                    + "  local-zone: \"test.\" nodefault\n"
                    + extraUnboundSettings
                    + "stub-zone:\n  name: \"" + NetLabConfig.ZONE + ".\"\n  stub-addr: " + authority + "\n";
        }
        // kresd 5 (Lua): listen on the lab address only; no root trust anchor (no root here); STUB the lab zone to the authority.
        return "net.listen('" + listen + "', 53, { kind = 'dns' })\n"
                + "trust_anchors.remove('.')\n"
                + "cache.open(10 * MB, 'lmdb://" + dir.resolve(key() + "-cache") + "')\n"
                + "policy.add(policy.suffix(policy.STUB({'" + authority + "'}), {todname('" + NetLabConfig.ZONE + ".')}))\n";
    }

    List<String> command(Path config, Path dir) {
        return program.equals("unbound")
                ? List.of(LabRequirements.path("unbound"), "-d", "-c", config.toString())
                : List.of(LabRequirements.path("kresd"), "-n", "-c", config.toString(), dir.resolve(key() + "-run").toString());
    }
}
