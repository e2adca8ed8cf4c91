package org.christchurchcall.protocol.support;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.platform.testing.FixedDns;

/**
 * DNS for the tests (replaces the platform's system resolver): localhost, where WireMock
 * receives the webhooks, and names that point at addresses the outbound guard refuses.
 */
@ApplicationScoped
public class TestDns extends FixedDns {

    public TestDns() {
        super(Map.of(
                "localhost", List.of("127.0.0.1"),
                "metadata.hooks.example", List.of("169.254.169.254"),
                "internal.hooks.example", List.of("10.0.0.1")));
    }
}
