package org.christchurchcall.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The guard checks every address this returns and the client
 * connects only to those, so a test can stand in for DNS (a name that points at a refused
 * address) and production answers come from the system resolver exactly once per request.
 */
public interface HostResolver {

    /** Every address of {@code host} (a name, never a literal), or UnknownHostException. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
