package org.christchurchcall.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether the platform may send a request to a URL that someone outside gave it (a
 * supporter's webhook). Only https to public unicast addresses is allowed: every address the
 * host resolves to is checked against {@link SpecialAddresses}, IP literals in any spelling
 * included. A name is resolved once, and {@link OutboundHttpClient} connects to the addresses
 * checked here, so a DNS answer that changes between check and connect (rebinding) is never used.
 *
 * <p>With {@code allowLoopback} (development only) the loopback addresses are allowed too, and
 * with them plain http; nothing else is loosened.
 */
public final class OutboundGuard {

    private static final Pattern AUTHORITY_HOST = Pattern.compile("^(.*?)(:\\d*)?$");

    private final HostResolver resolver;
    private final boolean allowLoopback;

    public OutboundGuard(HostResolver resolver, boolean allowLoopback) {
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
    }

    /**
     * The check when a URL is registered: everything that can be decided now is. A name that does
     * not resolve (yet) passes, since DNS may be set up after the endpoint; it is checked again,
     * with whatever it then resolves to, before every request.
     */
    public void checkRegistration(String url) throws RefusedDestinationException {
        try {
            destination(url);
        } catch (UnknownHostException notYet) {
            // http needs a loopback address, which an unknown name is not
            if (!parse(url).getScheme().equals("https")) {
                throw new RefusedDestinationException(allowLoopback
                        ? "must use https (http is accepted only for loopback hosts in development)"
                        : "must use https");
            }
        }
    }

    /** The destination to connect to, or why not; UnknownHostException when the name does not resolve now. */
    public Destination destination(String url) throws RefusedDestinationException, UnknownHostException {
        URI uri = parse(url);
        boolean tls = uri.getScheme().equals("https");
        HostLiteral.Host host = HostLiteral.parse(host(uri));
        List<InetAddress> addresses;
        if (host.address() != null) {
            addresses = List.of(InetAddress.getByAddress(host.address()));
            String why = refusal(host.address(), addresses.get(0));
            if (why != null) {
                throw new RefusedDestinationException(why);
            }
        } else {
            if (!allowLoopback && (host.name().equals("localhost") || host.name().endsWith(".localhost"))) {
                throw new RefusedDestinationException(host.name() + " names this machine (loopback)");
            }
            addresses = resolver.resolve(host.name());
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host.name());
            }
            for (InetAddress a : addresses) {
                String why = refusal(a.getAddress(), a);
                if (why != null) {
                    throw new RefusedDestinationException(host.name() + " resolves to " + why);
                }
            }
        }
        if (!tls && !addresses.stream().allMatch(SpecialAddresses::isLoopback)) {
            throw new RefusedDestinationException(allowLoopback
                    ? "must use https (http is accepted only for loopback hosts in development)"
                    : "must use https");
        }
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        return new Destination(uri, uri.getHost(), port, tls, addresses);
    }

    private String refusal(byte[] written, InetAddress address) {
        if (allowLoopback && SpecialAddresses.isLoopback(address)) {
            return null;
        }
        return SpecialAddresses.refusal(written);
    }

    private static URI parse(String url) throws RefusedDestinationException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new RefusedDestinationException("is not a URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getRawAuthority() == null) {
            throw new RefusedDestinationException("must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new RefusedDestinationException("must not carry user info");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new RefusedDestinationException("port " + uri.getPort() + " is out of range");
        }
        return uri;
    }

    /**
     * Java's URI gives no host for spellings such as {@code 127.1} or {@code 0x7f.1}; those are
     * read from the authority so that the refusal names the address they mean.
     */
    private static String host(URI uri) throws RefusedDestinationException {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        Matcher m = AUTHORITY_HOST.matcher(uri.getRawAuthority());
        String host = m.matches() ? m.group(1) : uri.getRawAuthority();
        HostLiteral.parse(host);
        // it parsed as a name or a public address, yet URI would not take it: refuse all the same
        throw new RefusedDestinationException(host + " is not a valid host");
    }
}
