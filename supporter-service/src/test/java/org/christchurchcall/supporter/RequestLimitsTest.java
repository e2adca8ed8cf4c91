package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.RawHttp.Body;
import org.christchurchcall.platform.testing.RequestLimitChecks;
import org.christchurchcall.platform.testing.RequestLimitsTestBase;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** supporter-service's request limits (docs/operations.md): a 1 MiB body, the shared line and header limits. */
@QuarkusTest
class RequestLimitsTest extends RequestLimitsTestBase {

    static final long MAX_BODY = 1024 * 1024;

    @Inject
    AgroalDataSource ds;

    static Map<String, String> json() {
        return Map.of("Authorization", "Bearer " + TestTokens.secretariat(), "Content-Type", "application/json");
    }

    static Body supporter(long size) {
        return Body.paddedJson("{\"name\":\"" + Fixtures.uniqueName("Limit") + "\",\"type\":\"company\","
                + "\"country\":\"JP\"}", size);
    }

    @Test
    void aBodyAtTheLimitIsTakenAndOneByteMoreIsRefused() {
        long before = count(ds, "supporter");
        RequestLimitChecks.bodyLimitHolds(base, "POST", "/api/v1/supporters", json(), MAX_BODY,
                RequestLimitsTest::supporter, (framing, reply) -> assertEquals(201, reply.status(), reply.body()));
        assertEquals(before + 2, count(ds, "supporter"), "the two bodies at the limit, and only they, were stored");
    }

    @Test
    void anOversizedBodyIsRefusedWhileItIsStillBeingSent() {
        long before = count(ds, "supporter");
        RequestLimitChecks.refusalIsEarly(base, "POST", "/api/v1/supporters", json(), MAX_BODY,
                RequestLimitsTest::supporter);
        assertEquals(before, count(ds, "supporter"));
    }

    @Override
    protected String secretariatEndpoint() {
        return "/api/v1/supporters";
    }
}
