package org.christchurchcall.platform.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The address ranges that are not the public internet (IANA special-purpose registries, RFC 6890
 * and successors). A webhook receiver is a public server, so anything here is refused: reaching
 * it from inside the cluster would let a supporter aim our requests at the cloud metadata
 * service, the database or another pod. IPv6 forms that carry an IPv4 address (mapped, NAT64,
 * 6to4) are judged by the address they carry.
 */
public final class SpecialAddresses {

    private record Block(byte[] prefix, int bits, String cidr, String what) {

        boolean contains(byte[] a) {
            if (a.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final Block V4_LOOPBACK = block("127.0.0.0/8", "loopback");
    private static final Block V6_LOOPBACK = block("::1/128", "loopback");

    /** Most specific first, so the reason names the narrowest range. */
    private static final List<Block> V4 = List.of(
            block("0.0.0.0/8", "\"this network\", unspecified"),
            block("10.0.0.0/8", "private network, RFC 1918"),
            block("100.64.0.0/10", "carrier-grade NAT, RFC 6598"),
            V4_LOOPBACK,
            block("169.254.0.0/16", "link-local, where cloud metadata services live"),
            block("172.16.0.0/12", "private network, RFC 1918"),
            block("192.0.0.0/24", "IETF protocol assignments"),
            block("192.0.2.0/24", "documentation, TEST-NET-1"),
            block("192.88.99.0/24", "6to4 relay anycast"),
            block("192.168.0.0/16", "private network, RFC 1918"),
            block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation, TEST-NET-2"),
            block("203.0.113.0/24", "documentation, TEST-NET-3"),
            block("224.0.0.0/4", "multicast"),
            block("255.255.255.255/32", "broadcast"),
            block("240.0.0.0/4", "reserved"));

    private static final List<Block> V6 = List.of(
            block("::/128", "unspecified"),
            V6_LOOPBACK,
            block("::/96", "IPv4-compatible, deprecated"),
            block("64:ff9b:1::/48", "local-use NAT64"),
            block("100::/64", "discard-only"),
            block("2001::/32", "Teredo tunnelling"),
            block("2001:2::/48", "benchmarking"),
            block("2001:db8::/32", "documentation"),
            block("3fff::/20", "documentation"),
            block("fc00::/7", "unique-local"),
            block("fe80::/10", "link-local"),
            block("fec0::/10", "site-local, deprecated"),
            block("ff00::/8", "multicast"),
            block("::/8", "reserved"));

    private static final Block V6_MAPPED = new Block(mappedPrefix(), 96, "::ffff:0:0/96", "IPv4-mapped");
    private static final Block V6_NAT64 = block("64:ff9b::/96", "NAT64");
    private static final Block V6_6TO4 = block("2002::/16", "6to4");
    /** All of IPv6 that IANA hands out for the public internet; the rest is special or unassigned. */
    private static final Block V6_GLOBAL_UNICAST = block("2000::/3", "global unicast");

    private SpecialAddresses() {
    }

    /** Why the address must not be reached, or null for a public unicast address. */
    public static String refusal(InetAddress address) {
        return refusal(address.getAddress());
    }

    /** As {@link #refusal(InetAddress)}, for the 4 or 16 bytes of an address. */
    public static String refusal(byte[] a) {
        String text = text(a);
        if (a.length == 16) {
            // the embedded IPv4 address is where the packets end up (via the kernel, a NAT64 gateway or a relay)
            for (Block carrier : List.of(V6_MAPPED, V6_NAT64, V6_6TO4)) {
                if (carrier.contains(a)) {
                    int at = carrier == V6_6TO4 ? 2 : 12;
                    byte[] v4 = Arrays.copyOfRange(a, at, at + 4);
                    String inner = refusal(v4);
                    return inner == null ? null : text + " (" + carrier.what() + ") carries " + inner;
                }
            }
        }
        for (Block b : a.length == 4 ? V4 : V6) {
            if (b.contains(a)) {
                return text + " is in " + b.cidr() + " (" + b.what() + ")";
            }
        }
        if (a.length == 16 && !V6_GLOBAL_UNICAST.contains(a)) {
            return text + " is outside 2000::/3 (not global unicast)";
        }
        return null;
    }

    /** 127.0.0.0/8 and ::1, which the development flag lets through. */
    public static boolean isLoopback(InetAddress address) {
        byte[] a = address.getAddress();
        return V4_LOOPBACK.contains(a) || V6_LOOPBACK.contains(a);
    }

    static String text(byte[] a) {
        try {
            InetAddress address = InetAddress.getByAddress(a);
            // getByAddress turns ::ffff:a.b.c.d into a.b.c.d; say what was written
            if (a.length == 16 && address instanceof Inet4Address) {
                return "::ffff:" + address.getHostAddress();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes", e);
        }
    }

    private static Block block(String cidr, String what) {
        int slash = cidr.indexOf('/');
        try {
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), cidr, what);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static byte[] mappedPrefix() {
        byte[] p = new byte[16];
        p[10] = (byte) 0xff;
        p[11] = (byte) 0xff;
        return p;
    }
}
