package org.christchurchcall.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.RawHttp.Body;
import org.christchurchcall.platform.testing.RequestLimitChecks;
import org.christchurchcall.platform.testing.RequestLimitsTestBase;
import org.christchurchcall.protocol.support.Db;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** protocol-service's request limits (docs/operations.md): a 1 MiB body, the shared line and header limits. */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class RequestLimitsTest extends RequestLimitsTestBase {

    static final long MAX_BODY = 1024 * 1024;

    @Inject
    DataSource ds;

    static Map<String, String> json() {
        return Map.of("Authorization", "Bearer " + World.NZ.member(), "Content-Type", "application/json");
    }

    /** An incident report without a title: past the size check, it is refused by validation. */
    static Body untitled(long size) {
        return Body.paddedJson("{\"description\":\"padded to the limit\"}", size);
    }

    @Test
    void aBodyAtTheLimitGetsPastTheSizeCheckAndOneByteMoreIsRefused() {
        Db db = new Db(ds).quiet();
        String before = db.snapshot();
        RequestLimitChecks.bodyLimitHolds(base, "POST", "/api/v1/incidents", json(), MAX_BODY,
                RequestLimitsTest::untitled, (framing, reply) -> RequestLimitChecks.assertProblem(reply, 400,
                        "validation"));
        assertEquals(before, db.snapshot());
    }

    @Test
    void anOversizedBodyIsRefusedWhileItIsStillBeingSent() {
        RequestLimitChecks.refusalIsEarly(base, "POST", "/api/v1/incidents", json(), MAX_BODY,
                RequestLimitsTest::untitled);
    }

    @Override
    protected String secretariatEndpoint() {
        return "/api/v1/incidents";
    }
}
