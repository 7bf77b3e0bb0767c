package dev.multisite.ops.netlab;

import dev.multisite.ops.drill.DnsObserver;
import dev.multisite.ops.drill.FailureInjector;
import dev.multisite.ops.drill.HttpObserver;
import dev.multisite.ops.drill.Observer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code drill --lab} needs from the lab of real components: a fault that takes a site's DNS out
 * (its link is cut, so the health checkers fail it and BIND drops it) and observers that ask the real
 * caching resolvers, as clients behind them do, plus one HTTP client that follows the first resolver.
 */
public final class NetLabDrill {
    /** The resolvers a drill holds to the budget: the ones with their shipped defaults (cache-min-ttl 300 is measured by {@code failover run}). */
    public static final List<ResolverFlavour> FLAVOURS = List.of(ResolverFlavour.UNBOUND_DEFAULT, ResolverFlavour.KRESD_DEFAULT);
    /** A healthy app on the lab's bridge answers in milliseconds; a short timeout keeps a cut site from stalling the sampling. */
    private static final Duration HTTP_TIMEOUT = Duration.ofMillis(500);

    private final NetLab lab;

    public NetLabDrill(NetLab lab) {
        this.lab = lab;
    }

    /** Cuts the site's link and brings it back; restoring an intact link is harmless, so restore may run twice. */
    public FailureInjector cutLink(String site) {
        lab.siteAddress(site);
        return new FailureInjector() {
            @Override
            public String describe() {
                return "cut the link of lab site " + site + " (BIND answers without it once " + lab.config().checkers()
                        + " checkers see it fail " + lab.config().threshold() + " times)";
            }

            @Override
            public void inject() throws IOException {
                lab.cutLink(site);
            }

            @Override
            public void restore() throws IOException {
                lab.restoreLink(site);
            }
        };
    }

    /** One DNS observer per real resolver (no cache of ours: the resolver's own cache is what is measured), and one HTTP client. */
    public List<Observer> observers() throws IOException {
        Map<InetAddress, String> siteByAddress = new HashMap<>();
        for (String site : lab.config().siteNames()) {
            siteByAddress.put(InetAddress.getByName(lab.siteAddress(site)), site);
        }
        List<Observer> observers = new ArrayList<>();
        List<DnsObserver> resolvers = new ArrayList<>();
        for (ResolverFlavour flavour : lab.config().flavours()) {
            var address = new InetSocketAddress(InetAddress.getByName(lab.resolvers().get(flavour)), 53);
            var observer = new DnsObserver("dns:" + flavour.key(), address, NetLabConfig.HOSTNAME, siteByAddress);
            resolvers.add(observer);
            observers.add(observer);
        }
        DnsObserver first = resolvers.get(0);
        List<String> sites = lab.config().siteNames();
        observers.add(new HttpObserver("http", () -> {
            String site = first.lastSites().stream().findFirst().orElse(sites.get(0));
            return URI.create("http://" + lab.siteAddress(site) + ":" + NetLab.APP_PORT + "/");
        }, HTTP_TIMEOUT));
        return observers;
    }
}
