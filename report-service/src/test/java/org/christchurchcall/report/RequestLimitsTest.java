package org.christchurchcall.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.RawHttp.Body;
import org.christchurchcall.platform.testing.RequestLimitChecks;
import org.christchurchcall.platform.testing.RequestLimitsTestBase;
import org.christchurchcall.platform.testing.Rows;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.report.support.WireMockSources;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** report-service's request limits (docs/operations.md): a 1 MiB body, the shared line and header limits. */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class RequestLimitsTest extends RequestLimitsTestBase {

    static final long MAX_BODY = 1024 * 1024;

    @Inject
    DataSource ds;

    static Map<String, String> json() {
        return Map.of("Authorization", "Bearer " + TestTokens.secretariat(), "Content-Type", "application/json");
    }

    /** A draft request without a period: past the size check, it is refused by validation. */
    static Body withoutPeriod(long size) {
        return Body.paddedJson("{}", size);
    }

    @Test
    void aBodyAtTheLimitGetsPastTheSizeCheckAndOneByteMoreIsRefused() throws SQLException {
        int drafts = drafts();
        RequestLimitChecks.bodyLimitHolds(base, "POST", "/api/v1/report-drafts", json(), MAX_BODY,
                RequestLimitsTest::withoutPeriod, (framing, reply) -> assertEquals(400, reply.status(), reply.body()));
        assertEquals(drafts, drafts());
    }

    @Test
    void anOversizedBodyIsRefusedWhileItIsStillBeingSent() {
        RequestLimitChecks.refusalIsEarly(base, "POST", "/api/v1/report-drafts", json(), MAX_BODY,
                RequestLimitsTest::withoutPeriod);
    }

    @Override
    protected String secretariatEndpoint() {
        return "/api/v1/report-drafts";
    }

    int drafts() {
        return (int) new Rows(ds).count("report_draft");
    }
}
