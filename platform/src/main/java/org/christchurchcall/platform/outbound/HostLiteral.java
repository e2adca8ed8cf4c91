package org.christchurchcall.platform.outbound;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a URL's host the way the most lenient clients would. Browsers (WHATWG URL), curl and
 * inet_aton accept {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1} and {@code 127.1} as
 * 127.0.0.1; Java's URI reads some of those as names and some as other addresses. So any host
 * whose last label is a number is parsed as IPv4 here, and only the plain dotted quad is accepted
 * as a spelling; the address it denotes is still named in the refusal.
 */
final class HostLiteral {

    /** A name to resolve, or an address written in the URL (4 or 16 bytes). */
    record Host(String name, byte[] address) {
    }

    private static final Pattern CANONICAL_V4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0[xX][0-9a-fA-F]*");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private HostLiteral() {
    }

    static Host parse(String raw) throws RefusedDestinationException {
        if (raw == null || raw.isEmpty()) {
            throw new RefusedDestinationException("has no host");
        }
        if (raw.startsWith("[") && raw.endsWith("]")) {
            return new Host(null, ipv6(raw.substring(1, raw.length() - 1)));
        }
        String host = raw.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(last).matches()) {
            byte[] a = ipv4(host);
            if (!CANONICAL_V4.matcher(raw).matches()) {
                String why = SpecialAddresses.refusal(a);
                throw new RefusedDestinationException(why != null ? why
                        : "writes " + SpecialAddresses.text(a) + " as " + raw + "; write an IPv4 address as a.b.c.d");
            }
            return new Host(null, a);
        }
        if (!NAME.matcher(host).matches()) {
            throw new RefusedDestinationException(raw + " is not a valid host name");
        }
        return new Host(host, null);
    }

    /** WHATWG's IPv4 parser: 1 to 4 parts, each decimal, octal (0...) or hex (0x...), the last filling the rest. */
    private static byte[] ipv4(String host) throws RefusedDestinationException {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            throw new RefusedDestinationException(host + " is neither a host name nor an IPv4 address");
        }
        long[] n = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            n[i] = number(host, parts[i]);
            if (i < parts.length - 1 && n[i] > 255) {
                throw new RefusedDestinationException(host + " is not a valid IPv4 address");
            }
        }
        long value = n[parts.length - 1];
        if (value >= 1L << (8 * (5 - parts.length))) {
            throw new RefusedDestinationException(host + " is not a valid IPv4 address");
        }
        for (int i = 0; i < parts.length - 1; i++) {
            value += n[i] << (8 * (3 - i));
        }
        return new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
    }

    private static long number(String host, String part) throws RefusedDestinationException {
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            if (radix == 16) {
                return 0;
            }
            throw new RefusedDestinationException(host + " is not a valid IPv4 address");
        }
        try {
            BigInteger v = new BigInteger(digits, radix);
            // anything past 32 bits is invalid anyway; keep it from overflowing the sum
            return v.bitLength() > 33 ? Long.MAX_VALUE / 2 : v.longValue();
        } catch (NumberFormatException e) {
            throw new RefusedDestinationException(host + " is not a valid IPv4 address");
        }
    }

    private static byte[] ipv6(String literal) throws RefusedDestinationException {
        // zone ids (%eth0) name an interface of this machine: never a public receiver
        if (!literal.contains(":") || !V6_CHARS.matcher(literal).matches()) {
            throw new RefusedDestinationException("[" + literal + "] is not a valid IPv6 address");
        }
        try {
            // a literal with colons never goes to DNS
            InetAddress a = InetAddress.getByName(literal);
            if (a instanceof Inet4Address) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
                return mapped;
            }
            return a.getAddress();
        } catch (UnknownHostException e) {
            throw new RefusedDestinationException("[" + literal + "] is not a valid IPv6 address");
        }
    }
}
