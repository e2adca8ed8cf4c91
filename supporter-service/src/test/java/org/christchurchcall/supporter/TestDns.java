package org.christchurchcall.supporter;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.platform.testing.FixedDns;

/**
 * DNS for the tests (replaces the platform's system resolver): a few names that point at refused
 * and public addresses, localhost, and nothing else, so no test depends on the machine's DNS.
 * The *.example names the other tests register do not resolve, which registration accepts.
 */
@ApplicationScoped
public class TestDns extends FixedDns {

    public static final Map<String, List<String>> NAMES = Map.of(
            "localhost", List.of("127.0.0.1", "::1"),
            "internal.hooks.example", List.of("10.0.0.1"),
            "metadata.hooks.example", List.of("169.254.169.254"),
            "ula.hooks.example", List.of("fd00::1"),
            "mixed.hooks.example", List.of("93.184.215.14", "192.168.0.10"),
            "public.hooks.example", List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"));

    public TestDns() {
        super(NAMES);
    }
}
