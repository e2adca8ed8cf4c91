package org.christchurchcall.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A URL the guard accepted, with the addresses it checked. {@link OutboundHttpClient} takes a URL,
 * never one of these, so each request is checked afresh; it connects only to {@link #addresses()}:
 * what was checked is what is reached.
 *
 * @param uri the URL as given
 * @param host the host as written in the URL: the Host header, the TLS server name and the name
 *        the certificate must match
 * @param port the port, the scheme's default when the URL names none
 * @param tls whether the scheme is https
 * @param addresses the checked addresses, in the resolver's order
 */
public record Destination(URI uri, String host, int port, boolean tls, List<InetAddress> addresses) {

    public Destination {
        addresses = List.copyOf(addresses);
    }

    /** Path and query as the request line carries them. */
    public String requestUri() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
