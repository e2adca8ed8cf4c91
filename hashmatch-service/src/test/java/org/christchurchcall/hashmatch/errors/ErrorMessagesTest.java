package org.christchurchcall.hashmatch.errors;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** hashmatch-service's refusals name the fix: unknown fields, field types by path, needed roles, the token's fault. */
@QuarkusTest
class ErrorMessagesTest {

    @Inject
    Db db;

    static Map<String, Object> md5() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "md5");
        m.put("value", hex(32));
        m.put("labels", List.of("image"));
        return m;
    }

    @Test
    void anUnknownFieldIsRefusedAndTheKnownOnesListed() {
        String footprint = db.footprint();
        Map<String, Object> body = md5();
        body.put("lables", List.of("image"));
        problem(json(Member.company().contributor(), body).post("/api/v1/hashes").then(), 400)
                .body("errors[0].field", equalTo("lables"))
                .body("errors[0].message", equalTo("is not a field of this request; the known fields are confidence, frames,"
                        + " incidentId, labels, quality, type, value"));
        assertEquals(footprint, db.footprint());
    }

    @Test
    void aBulkItemOfTheWrongTypeIsNamedByItsIndex() {
        String footprint = db.footprint();
        Map<String, Object> bad = md5();
        bad.put("incidentId", "incident-42");
        problem(json(Member.company().contributor(), Map.of("items", List.of(md5(), bad))).post("/api/v1/hashes/bulk")
                .then(), 400)
                .body("errors[0].field", equalTo("items[1].incidentId"))
                .body("errors[0].message", equalTo("must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6"));
        assertEquals(footprint, db.footprint());
    }

    @Test
    void forbiddenNamesTheRoleNeeded() {
        problem(json(Member.company().matcher(), md5()).post("/api/v1/hashes").then(), 403)
                .body("detail", equalTo("this needs one of the roles hash-contributor; the token carries company, matcher"));
    }

    @Test
    void aTokenForAnotherAudienceSaysSo() {
        problem(as(TestTokens.wrongAudience("matcher")).get("/api/v1/hashes/changes").then(), 401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", containsString("accepts tokens for 'ccall-platform'"));
    }
}
