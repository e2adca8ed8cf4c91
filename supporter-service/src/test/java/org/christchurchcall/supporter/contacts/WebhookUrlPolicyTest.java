package org.christchurchcall.supporter.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.christchurchcall.platform.outbound.OutboundGuard;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.supporter.TestDns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook rules on top of the platform's guard (whose own test covers every range and spelling). */
class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy development = new WebhookUrlPolicy(new OutboundGuard(new TestDns(), true));
    private final WebhookUrlPolicy production = new WebhookUrlPolicy(new OutboundGuard(new TestDns(), false));

    @ParameterizedTest
    @ValueSource(strings = { "https://hooks.example/ccall", "https://public.hooks.example:8443/x?y=1",
            "https://93.184.215.14/h", "https://[2606:4700:4700::1111]/h" })
    void httpsToAPublicOrNotYetResolvableHostIsAccepted(String url) {
        assertEquals(url, production.check("url", url));
        assertEquals(url, development.check("url", url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080/h", "http://127.0.0.1/h", "http://127.255.0.9:9/h", "http://[::1]:9/h",
            "https://localhost/h" })
    void loopbackOnlyWithTheDevelopmentFlag(String url) {
        assertEquals(url, development.check("url", url));
        ApiException e = assertThrows(ApiException.class, () -> production.check("url", url));
        assertEquals("url", e.errors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://hooks.example/h", "http://localhost.example/h", "http://128.0.0.1/h",
            "http://127.0.0.256/h", "ftp://localhost/h", "https://u:p@hooks.example/h", "https://hooks.example/h#frag",
            "hooks.example/h", "https:///nohost", "", "https://10.0.0.1:8443/x", "https://[2001:db8::1]/h",
            "https://internal.hooks.example/h", "https://metadata.hooks.example/h", "https://mixed.hooks.example/h",
            "http://public.hooks.example/h", "https://2130706433/h", "https://0177.0.0.1/h" })
    void everythingElseIsRefused(String url) {
        ApiException e = assertThrows(ApiException.class, () -> development.check("url", url));
        assertEquals("url", e.errors().get(0).field());
    }
}
