package dev.multisite.ops.netlab;

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
import java.time.Duration;
import java.util.List;

/** Asks one real caching resolver for the global name, as a client behind it does. */
final class ResolverProbe {
    private final ResolverFlavour flavour;
    private final SimpleResolver resolver;
    private final NetLab lab;
    private final Name hostname;

    ResolverProbe(ResolverFlavour flavour, String address, NetLab lab) throws IOException {
        this.flavour = flavour;
        this.resolver = new SimpleResolver(InetAddress.getByName(address));
        this.resolver.setTimeout(Duration.ofMillis(800));
        this.lab = lab;
        this.hostname = Name.fromString(NetLabConfig.HOSTNAME + ".");
    }

    ResolverFlavour flavour() {
        return flavour;
    }

    ResolverSample sample() {
        long at = lab.now();
        try {
            Message response = resolver.send(Message.newQuery(Record.newRecord(hostname, Type.A, DClass.IN)));
            if (response.getRcode() != Rcode.NOERROR) {
                return new ResolverSample(at, flavour, List.of(), -1, false, Rcode.string(response.getRcode()));
            }
            var answers = response.getSection(Section.ANSWER).stream().filter(r -> r instanceof ARecord).map(r -> (ARecord) r).toList();
            long ttl = answers.stream().mapToLong(Record::getTTL).max().orElse(-1);
            List<String> sites = answers.stream().map(a -> lab.siteAt(a.getAddress().getHostAddress())).sorted().toList();
            return new ResolverSample(at, flavour, sites, ttl, true, sites + " ttl " + ttl);
        } catch (IOException e) {
            return new ResolverSample(at, flavour, List.of(), -1, false, e.getClass().getSimpleName());
        }
    }
}
