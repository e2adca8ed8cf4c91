package org.christchurchcall.platform.testing;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * The request limits every service shares (docs/operations.md, "Request limits"): the request
 * line, the headers, and HTTP/2 upgrades. A service's {@code @QuarkusTest} extends this and adds
 * its own body limit checks ({@link RequestLimitChecks}).
 */
public abstract class RequestLimitsTestBase {

    @TestHTTPResource("/")
    protected URI base;

    /** A GET endpoint the secretariat may call, for the HTTP/2 upgrade check. */
    protected abstract String secretariatEndpoint();

    @Test
    void clientsThatUpgradeToHttp2AreServed() {
        RequestLimitChecks.h2cClientsAreServed(base, secretariatEndpoint(), TestTokens.secretariat());
    }

    @Test
    void aRequestLineOverTheLimitIs414() {
        RequestLimitChecks.requestLineLimitHolds(base);
    }

    @Test
    void headersOverTheLimitAre431() {
        RequestLimitChecks.headerLimitHolds(base);
    }
}
