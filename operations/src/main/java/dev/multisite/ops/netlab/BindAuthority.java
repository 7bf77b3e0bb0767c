package dev.multisite.ops.netlab;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The lab's authoritative server: BIND 9 ({@code named}) serving the lab zone, changed only by
 * RFC 2136 dynamic updates signed with a TSIG key (RFC 8945), as ExternalDNS's rfc2136 provider
 * changes a BIND zone. BIND 9.18 ARM, "Dynamic Update": {@code allow-update { key ...; }} grants it.
 */
final class BindAuthority {
    private static final String KEY_NAME = "multisite-lab.";
    private final Name zone;
    private final String address;
    private final int ttlSeconds;
    private final SimpleResolver updates;

    private BindAuthority(String address, int ttlSeconds, SimpleResolver updates) throws IOException {
        this.zone = Name.fromString(NetLabConfig.ZONE + ".");
        this.address = address;
        this.ttlSeconds = ttlSeconds;
        this.updates = updates;
    }

    /** Writes named.conf and the zone (every site in the global name, the data endpoint at the primary) and starts named. */
    static BindAuthority start(NetLab lab, String address, int ttlSeconds, List<String> siteAddresses, String primaryAddress) throws IOException {
        Path dir = lab.dir().resolve("authority");
        Files.createDirectories(dir);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = Base64.getEncoder().encodeToString(secret);
        var zoneText = new StringBuilder("$TTL " + ttlSeconds + "\n")
                .append("@ IN SOA ns.").append(NetLabConfig.ZONE).append(". hostmaster.").append(NetLabConfig.ZONE).append(". 1 60 60 600 ")
                .append(ttlSeconds).append("\n@ IN NS ns.").append(NetLabConfig.ZONE).append(".\nns IN A ").append(address).append('\n');
        siteAddresses.forEach(a -> zoneText.append("app IN A ").append(a).append('\n'));
        zoneText.append("db IN A ").append(primaryAddress).append('\n');
        Files.writeString(dir.resolve("lab.zone"), zoneText);
        // controls {} turns off rndc's default channel; no recursion; listens on the lab address only.
        Files.writeString(dir.resolve("named.conf"), "key \"" + KEY_NAME + "\" { algorithm hmac-sha256; secret \"" + key + "\"; };\n"
                + "options {\n  directory \"" + dir + "\";\n  pid-file none;\n  session-keyfile none;\n  listen-on { " + address + "; };\n"
                + "  listen-on-v6 { none; };\n  recursion no;\n  dnssec-validation no;\n};\ncontrols { };\n"
                + "zone \"" + NetLabConfig.ZONE + "\" { type primary; file \"" + dir.resolve("lab.zone") + "\"; allow-update { key \""
                + KEY_NAME + "\"; }; };\n");
        lab.startDaemon("authority", lab.coreNamespace(), null,
                List.of(LabRequirements.path("named"), "-g", "-c", dir.resolve("named.conf").toString()));
        var resolver = new SimpleResolver(InetAddress.getByName(address));
        resolver.setTimeout(Duration.ofSeconds(2));
        resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, KEY_NAME, key));
        var authority = new BindAuthority(address, ttlSeconds, resolver);
        Waits.until("BIND answering on " + address, Duration.ofSeconds(15), () -> !authority.lookup(NetLabConfig.HOSTNAME).isEmpty());
        return authority;
    }

    String address() {
        return address;
    }

    /** Replaces the A records of {@code name} in one signed update. */
    void replace(String name, List<String> addresses) throws IOException {
        Name owner = Name.fromString(name + ".");
        Update update = new Update(zone);
        update.delete(owner, Type.A);
        for (String a : addresses) {
            update.add(new ARecord(owner, DClass.IN, ttlSeconds, InetAddress.getByName(a)));
        }
        Message response = updates.send(update);
        if (response.getRcode() != Rcode.NOERROR) {
            throw new IOException("BIND refused the update of " + name + ": " + Rcode.string(response.getRcode()));
        }
    }

    /** The addresses the authority answers for {@code name} now (empty when it does not answer). */
    List<String> lookup(String name) {
        try {
            Message response = updates.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN)));
            return response.getSection(Section.ANSWER).stream().filter(r -> r instanceof ARecord)
                    .map(r -> ((ARecord) r).getAddress().getHostAddress()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
