package org.christchurchcall.protocol.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.platform.outbound.HostResolver;

/**
 * DNS for the tests (replaces the platform's system resolver): localhost, where WireMock
 * receives the webhooks, and names that point at addresses the outbound guard refuses.
 */
@ApplicationScoped
public class TestDns implements HostResolver {

    private static final Map<String, List<String>> NAMES = Map.of(
            "localhost", List.of("127.0.0.1"),
            "metadata.hooks.example", List.of("169.254.169.254"),
            "internal.hooks.example", List.of("10.0.0.1"));

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<String> addresses = NAMES.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(TestDns::literal).toList();
    }

    private static InetAddress literal(String a) {
        try {
            return InetAddress.getByName(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(a, e);
        }
    }
}
