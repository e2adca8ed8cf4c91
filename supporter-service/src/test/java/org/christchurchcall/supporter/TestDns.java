package org.christchurchcall.supporter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.platform.outbound.HostResolver;

/**
 * DNS for the tests (replaces the platform's system resolver): a few names that point at refused
 * and public addresses, localhost, and nothing else, so no test depends on the machine's DNS.
 * The *.example names the other tests register do not resolve, which registration accepts.
 */
@ApplicationScoped
public class TestDns implements HostResolver {

    public static final Map<String, List<String>> NAMES = Map.of(
            "localhost", List.of("127.0.0.1", "::1"),
            "internal.hooks.example", List.of("10.0.0.1"),
            "metadata.hooks.example", List.of("169.254.169.254"),
            "ula.hooks.example", List.of("fd00::1"),
            "mixed.hooks.example", List.of("93.184.215.14", "192.168.0.10"),
            "public.hooks.example", List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"));

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
