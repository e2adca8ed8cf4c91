package org.christchurchcall.hashmatch.aggregate;

import static org.awaitility.Awaitility.await;
import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.exact;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.pdq;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AggregateTest {

    static JsonPath aggregates(String token, String from) {
        var r = as(token);
        if (from != null) {
            r.queryParam("from", from);
        }
        return r.get("/api/v1/hashes/aggregates").then().statusCode(200).extract().jsonPath();
    }

    static long n(JsonPath p, String path) {
        Object v = p.get(path);
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Test
    void countsFollowAdditionsRetractionsDisputesAndMatchesWithoutIdentities() {
        String auditor = TestTokens.withRoles(Roles.AUDITOR);
        String from = Instant.now().minusSeconds(1).toString();
        JsonPath before = aggregates(auditor, from);

        Member gov = Member.government();
        String value = hex(64);
        share(gov.contributor(), pdq(value, 80, "instruction", "image"));
        String md5 = share(gov.contributor(), exact("md5", hex(32), "video"));
        as(gov.contributor()).post("/api/v1/hashes/" + md5 + "/retraction").then().statusCode(200);
        String id = share(gov.contributor(), pdq(hex(64), 80, "image"));
        String disputeId = json(Member.company().matcher(), Map.of("verdict", "disagree", "reason", "wrong-label"))
                .post("/api/v1/hashes/" + id + "/feedback").then().statusCode(201).extract().path("disputeId");
        json(TestTokens.secretariat(), Map.of("outcome", "keep", "version", 0))
                .post("/api/v1/disputes/" + disputeId + "/resolution").then().statusCode(200);
        json(Member.company().matcher(), Map.of("queries", List.of(Map.of("type", "pdq", "value", value))))
                .post("/api/v1/match").then().statusCode(200);

        JsonPath after = aggregates(auditor, from);
        assertEquals(n(before, "records.total") + 3, n(after, "records.total"));
        assertEquals(n(before, "records.byLabel.instruction") + 1, n(after, "records.byLabel.instruction"));
        assertEquals(n(before, "records.byContributorType.government") + 3, n(after, "records.byContributorType.government"));
        assertEquals(n(before, "records.byStatus.retracted") + 1, n(after, "records.byStatus.retracted"));
        assertEquals(n(before, "period.added") + 3, n(after, "period.added"));
        assertEquals(n(before, "period.addedByType.pdq") + 2, n(after, "period.addedByType.pdq"));
        assertEquals(n(before, "period.retracted") + 1, n(after, "period.retracted"));
        assertEquals(n(before, "feedback.disagree") + 1, n(after, "feedback.disagree"));
        assertEquals(n(before, "disputes.raised") + 1, n(after, "disputes.raised"));
        assertEquals(n(before, "disputes.outcomes.keep") + 1, n(after, "disputes.outcomes.keep"));
        // matches reach the report tally with the next flush of the in-memory counts
        await().atMost(Duration.ofSeconds(10)).until(() -> n(aggregates(auditor, from), "matches.matches")
                >= n(before, "matches.matches") + 1);
        assertTrue(n(aggregates(auditor, from), "matches.queries") >= n(before, "matches.queries") + 1);

        for (String reader : List.of(TestTokens.secretariat(), TestTokens.withRoles(Roles.SERVICE))) {
            as(reader).get("/api/v1/hashes/aggregates").then().statusCode(200)
                    .body(not(containsString(gov.supporterId().toString())));
        }
    }

    @Test
    void aBadPeriodIsAProblem() {
        String auditor = TestTokens.withRoles(Roles.AUDITOR);
        problem(as(auditor).queryParam("from", "yesterday").get("/api/v1/hashes/aggregates").then(), 400);
        problem(as(auditor).queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/v1/hashes/aggregates").then(), 400);
    }
}
