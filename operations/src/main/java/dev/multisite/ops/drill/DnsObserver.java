package dev.multisite.ops.drill;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks one resolver for the global hostname's A records and maps the addresses to sites.
 * The resolver's own cache is what is measured: the observer keeps no cache of its own.
 */
public final class DnsObserver extends NamedObserver {
    private final SimpleResolver resolver;
    private final Name hostname;
    private final Map<InetAddress, String> siteByAddress;
    private volatile Set<String> lastSites = Set.of();

    public DnsObserver(String name, InetSocketAddress server, String hostname, Map<InetAddress, String> siteByAddress) {
        super(name, Observation.Kind.DNS);
        this.resolver = new SimpleResolver(server);
        this.resolver.setTimeout(Duration.ofSeconds(2));
        try {
            this.hostname = Name.fromString(hostname.endsWith(".") ? hostname : hostname + ".");
        } catch (org.xbill.DNS.TextParseException e) {
            throw new IllegalArgumentException("'" + hostname + "' is not a DNS name", e);
        }
        this.siteByAddress = Map.copyOf(siteByAddress);
    }

    /** The sites of the most recent answer: what a client using this resolver would connect to. */
    public Set<String> lastSites() {
        return lastSites;
    }

    @Override
    public synchronized Observation observe(long atMillis) {
        try {
            Message response = resolver.send(Message.newQuery(Record.newRecord(hostname, Type.A, DClass.IN)));
            if (response.getHeader().getRcode() != Rcode.NOERROR) {
                return failed(atMillis, Rcode.string(response.getHeader().getRcode()));
            }
            Set<String> sites = new TreeSet<>();
            for (Record r : response.getSection(Section.ANSWER)) {
                if (r instanceof ARecord a) {
                    sites.add(siteByAddress.getOrDefault(a.getAddress(), a.getAddress().getHostAddress()));
                }
            }
            lastSites = Set.copyOf(sites);
            return seen(atMillis, sites, true, String.valueOf(sites));
        } catch (IOException e) {
            return failed(atMillis, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
