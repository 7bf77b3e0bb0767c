package dev.multisite.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block in canonical form (the address is the network address).
 *
 * <p>Built only through {@link #parse(String)}, which rejects anything that is not exactly
 * {@code a.b.c.d/n} with host bits zero, so every {@code Cidr} in a topology is known to be valid.
 */
public record Cidr(long network, int prefixLength) {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0..32");
        }
        if ((network & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException("host bits are set");
        }
    }

    /** Parses {@code a.b.c.d/n}; the message of the exception says what is wrong and what is expected. */
    @JsonCreator
    public static Cidr parse(String text) {
        var m = SHAPE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 CIDR; write it as a.b.c.d/n, e.g. 10.0.0.0/16");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("'" + text + "' has octet " + octet + " above 255");
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            throw new IllegalArgumentException("'" + text + "' has prefix /" + prefix + "; allowed is /0../32");
        }
        if ((address & ~mask(prefix)) != 0) {
            var canonical = new Cidr(address & mask(prefix), prefix);
            throw new IllegalArgumentException("'" + text + "' has host bits set; did you mean " + canonical + "?");
        }
        return new Cidr(address, prefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0L : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    public long lastAddress() {
        return network + size() - 1;
    }

    public boolean overlaps(Cidr other) {
        return network <= other.lastAddress() && other.network <= lastAddress();
    }

    public boolean contains(Cidr other) {
        return network <= other.network && other.lastAddress() <= lastAddress();
    }

    /**
     * The {@code index}-th block of prefix {@code newPrefix} inside this one, e.g. the third /19 of a
     * /16. Used to carve subnets out of a VPC range deterministically.
     */
    public Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefixLength || newPrefix > 32) {
            throw new IllegalArgumentException("cannot carve /" + newPrefix + " out of " + this);
        }
        long count = 1L << (newPrefix - prefixLength);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " holds " + count + " blocks of /" + newPrefix + ", not " + (index + 1));
        }
        return new Cidr(network + index * (1L << (32 - newPrefix)), newPrefix);
    }

    /** The address {@code offset} places after the network address, as dotted text (e.g. a DNS service IP). */
    public String address(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IllegalArgumentException("offset " + offset + " is outside " + this);
        }
        return dotted(network + offset);
    }

    private static String dotted(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
    }

    @JsonValue
    @Override
    public String toString() {
        return dotted(network) + "/" + prefixLength;
    }
}
