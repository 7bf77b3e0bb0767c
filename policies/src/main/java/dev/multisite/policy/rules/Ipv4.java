package dev.multisite.policy.rules;

/** IPv4 CIDR overlap, for rules that re-check address plans on planned resources. */
final class Ipv4 {
    private Ipv4() {
    }

    static boolean overlaps(String a, String b) {
        long[] x = range(a);
        long[] y = range(b);
        return x != null && y != null && x[0] <= y[1] && y[0] <= x[1];
    }

    /** [first, last] address of a CIDR, or null if it is not one. */
    static long[] range(String cidr) {
        String[] parts = cidr.split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) {
            return null;
        }
        long address = 0;
        for (String o : octets) {
            address = (address << 8) | Integer.parseInt(o);
        }
        int prefix = Integer.parseInt(parts[1]);
        long size = 1L << (32 - prefix);
        long first = address & ~(size - 1) & 0xFFFFFFFFL;
        return new long[]{first, first + size - 1};
    }
}
