package org.christchurchcall.supporter.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.christchurchcall.platform.problem.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy development = new WebhookUrlPolicy(true);
    private final WebhookUrlPolicy production = new WebhookUrlPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = { "https://hooks.example/ccall", "https://10.0.0.1:8443/x?y=1", "https://[2001:db8::1]/h" })
    void httpsIsAlwaysAccepted(String url) {
        assertEquals(url, production.check("url", url));
        assertEquals(url, development.check("url", url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080/h", "http://127.0.0.1/h", "http://127.255.0.9:9/h", "http://[::1]:9/h" })
    void loopbackHttpOnlyWithTheDevelopmentFlag(String url) {
        assertEquals(url, development.check("url", url));
        assertThrows(ApiException.class, () -> production.check("url", url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://hooks.example/h", "http://localhost.example/h", "http://128.0.0.1/h",
            "http://127.0.0.256/h", "ftp://localhost/h", "https://u:p@hooks.example/h", "https://hooks.example/h#frag",
            "hooks.example/h", "https:///nohost", "" })
    void everythingElseIsRefused(String url) {
        assertThrows(ApiException.class, () -> development.check("url", url));
    }
}
