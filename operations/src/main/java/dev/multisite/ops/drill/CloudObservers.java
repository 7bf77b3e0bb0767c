package dev.multisite.ops.drill;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Observers for a drill against the real fleet: public resolvers asked directly (they cache by
 * the record TTL themselves) and HTTPS requests to the global hostname's {@code /healthz}. Site
 * addresses are learnt from the per-site names ExternalDNS publishes ({@code <site>.<hostname>}).
 */
public final class CloudObservers {
    public static final List<String> DEFAULT_RESOLVERS = List.of("8.8.8.8", "1.1.1.1", "9.9.9.9");

    private CloudObservers() {
    }

    public static List<Observer> of(String hostname, List<String> sites, List<String> resolvers) throws UnknownHostException {
        // The JDK caches lookups for 30 s by default; a drill must see every DNS change.
        java.security.Security.setProperty("networkaddress.cache.ttl", "0");
        Map<InetAddress, String> siteByAddress = siteAddresses(hostname, sites, resolvers.get(0));
        List<Observer> observers = new ArrayList<>();
        for (String resolver : resolvers) {
            observers.add(new DnsObserver("dns:" + resolver, new InetSocketAddress(InetAddress.getByName(resolver), 53),
                    hostname, siteByAddress));
        }
        URI healthz = URI.create("https://" + hostname + "/healthz");
        observers.add(new HttpObserver("https", () -> healthz));
        return observers;
    }

    static Map<InetAddress, String> siteAddresses(String hostname, List<String> sites, String resolver) throws UnknownHostException {
        Map<InetAddress, String> bySite = new HashMap<>();
        for (String site : sites) {
            try {
                var lookup = new Lookup(site + "." + hostname, Type.A);
                lookup.setResolver(new SimpleResolver(resolver));
                lookup.setCache(null);
                var records = lookup.run();
                if (records != null) {
                    for (var r : records) {
                        bySite.put(((ARecord) r).getAddress(), site);
                    }
                }
            } catch (TextParseException e) {
                throw new IllegalArgumentException("'" + site + "." + hostname + "' is not a DNS name", e);
            }
        }
        return bySite;
    }
}
