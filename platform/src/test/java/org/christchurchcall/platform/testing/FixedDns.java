package org.christchurchcall.platform.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.christchurchcall.platform.outbound.HostResolver;

/**
 * DNS for a service's tests, in place of the platform's system resolver: the names given answer
 * their addresses and nothing else resolves, so no test depends on the machine's DNS. A service
 * subclasses it as an {@code @ApplicationScoped} bean with its own names.
 */
public abstract class FixedDns implements HostResolver {

    private final Map<String, List<String>> names;

    protected FixedDns(Map<String, List<String>> names) {
        this.names = Map.copyOf(names);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<String> addresses = names.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(FixedDns::literal).toList();
    }

    private static InetAddress literal(String a) {
        try {
            return InetAddress.getByName(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(a, e);
        }
    }
}
