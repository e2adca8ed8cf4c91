package org.christchurchcall.hashmatch.feedback;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.pdq;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FeedbackDisputeTest {

    @Inject
    Db db;

    final Member contributor = Member.company();
    final Member critic = Member.government();
    final Member other = Member.company();

    static Map<String, Object> matchQuery(String value) {
        return Map.of("queries", List.of(Map.of("type", "pdq", "value", value)));
    }

    String feedCursor() {
        List<Map<String, Object>> ignored = new ArrayList<>();
        return org.christchurchcall.hashmatch.support.Api.drain(TestTokens.secretariat(), null, 1000, ignored);
    }

    @Test
    void agreementIsRecordedAndReadableByItsAuthor() {
        String id = share(contributor.contributor(), pdq(hex(64), 80, "image"));
        String location = json(critic.matcher(), Map.of("verdict", "agree", "comment", "seen it too"))
                .post("/api/v1/hashes/" + id + "/feedback").then().statusCode(201)
                .body("verdict", equalTo("agree"), "disputeId", nullValue(), "hashId", equalTo(id))
                .extract().header("Location");
        as(critic.matcher()).get(location).then().statusCode(200).body("comment", equalTo("seen it too"),
                "supporterId", nullValue());
        as(TestTokens.secretariat()).get(location).then().statusCode(200)
                .body("supporterId", equalTo(critic.supporterId().toString()));
        problem(as(other.matcher()).get(location).then(), 404);
        as(TestTokens.secretariat()).get("/api/v1/hashes/" + id).then().body("status", equalTo("active"));
        problem(json(critic.matcher(), Map.of("verdict", "agree")).post("/api/v1/hashes/" + id + "/feedback").then(),
                409);
    }

    @Test
    void aDisagreementOpensADisputeThatTheSecretariatResolvesByRelabelling() {
        String value = hex(64);
        String id = share(contributor.contributor(), pdq(value, 80, "recruitment", "image"));
        String cursor = feedCursor();

        String disputeId = json(critic.contributor(), Map.of("verdict", "disagree", "reason", "wrong-label"))
                .post("/api/v1/hashes/" + id + "/feedback").then().statusCode(201)
                .body("disputeId", notNullValue()).extract().path("disputeId");
        json(other.matcher(), Map.of("verdict", "disagree", "reason", "other", "comment", "not recruitment"))
                .post("/api/v1/hashes/" + id + "/feedback").then().statusCode(201)
                .body("disputeId", equalTo(disputeId));
        as(TestTokens.secretariat()).get("/api/v1/hashes/" + id).then().body("status", equalTo("disputed"));
        // a disputed record still matches, and says it is disputed
        json(critic.matcher(), matchQuery(value)).post("/api/v1/match").then().statusCode(200)
                .body("results[0].matches[0].status", equalTo("disputed"));

        as(TestTokens.secretariat()).queryParam("status", "open").queryParam("limit", 500).get("/api/v1/disputes")
                .then().statusCode(200).body("items.id", hasItem(disputeId));
        int version = as(TestTokens.secretariat()).get("/api/v1/disputes/" + disputeId).then().statusCode(200)
                .body("status", equalTo("open"), "reason", equalTo("wrong-label"), "hashId", equalTo(id),
                        "openedBy", equalTo(critic.supporterId().toString()))
                .extract().path("version");

        String footprint = db.footprint();
        problem(json(TestTokens.secretariat(), Map.of("outcome", "relabel", "labels", List.of("glorification-of-terrorist-acts"),
                "version", version + 1)).post("/api/v1/disputes/" + disputeId + "/resolution").then(), 409)
                .body("type", equalTo("urn:ccall:problem:stale-version"));
        problem(json(TestTokens.secretariat(), Map.of("outcome", "relabel", "labels", List.of("no-such-label"),
                "version", version)).post("/api/v1/disputes/" + disputeId + "/resolution").then(), 400);
        problem(json(TestTokens.secretariat(), Map.of("outcome", "relabel", "version", version))
                .post("/api/v1/disputes/" + disputeId + "/resolution").then(), 400);
        problem(json(TestTokens.secretariat(), Map.of("outcome", "delete", "version", version))
                .post("/api/v1/disputes/" + disputeId + "/resolution").then(), 400);
        problem(json(TestTokens.secretariat(), Map.of("outcome", "keep"))
                .post("/api/v1/disputes/" + disputeId + "/resolution").then(), 400);
        assertEquals(footprint, db.footprint());

        json(TestTokens.secretariat(), Map.of("outcome", "relabel", "labels", List.of("glorification-of-terrorist-acts", "image"),
                "comment", "praise, not recruitment", "version", version))
                .post("/api/v1/disputes/" + disputeId + "/resolution").then().statusCode(200)
                .body("status", equalTo("resolved"), "outcome", equalTo("relabel"),
                        "newLabels", contains("glorification-of-terrorist-acts", "image"));
        as(critic.matcher()).get("/api/v1/hashes/" + id).then()
                .body("status", equalTo("active"), "labels", contains("glorification-of-terrorist-acts", "image"));
        problem(json(TestTokens.secretariat(), Map.of("outcome", "keep", "version", version + 1))
                .post("/api/v1/disputes/" + disputeId + "/resolution").then(), 409);

        as(critic.matcher()).queryParam("after", cursor).get("/api/v1/hashes/changes").then().statusCode(200)
                .body("items.change", contains("status-changed", "labels-changed"),
                        "items[0].status", equalTo("disputed"), "items[1].status", equalTo("active"),
                        "items[1].labels", contains("glorification-of-terrorist-acts", "image"));
    }

    @Test
    void aRetractionOutcomeStopsMatchesAndEntersTheFeed() {
        String value = hex(64);
        String id = share(contributor.contributor(), pdq(value, 80, "image"));
        String disputeId = json(critic.matcher(), Map.of("verdict", "disagree", "reason", "not-terrorist-content"))
                .post("/api/v1/hashes/" + id + "/feedback").then().statusCode(201).extract().path("disputeId");
        String cursor = feedCursor();
        json(TestTokens.secretariat(), Map.of("outcome", "retract", "version", 0))
                .post("/api/v1/disputes/" + disputeId + "/resolution").then().statusCode(200)
                .body("outcome", equalTo("retract"));
        json(critic.matcher(), matchQuery(value)).post("/api/v1/match").then().statusCode(200)
                .body("results[0].matches", empty());
        as(critic.matcher()).queryParam("after", cursor).get("/api/v1/hashes/changes").then().statusCode(200)
                .body("items.change", contains("retracted"), "items[0].id", equalTo(id));
        problem(json(other.matcher(), Map.of("verdict", "disagree", "reason", "other"))
                .post("/api/v1/hashes/" + id + "/feedback").then(), 409);
    }

    @Test
    void keepingARecordMakesItActiveAgain() {
        String id = share(contributor.contributor(), pdq(hex(64), 80, "image"));
        String disputeId = json(critic.matcher(), Map.of("verdict", "disagree", "reason", "not-in-taxonomy"))
                .post("/api/v1/hashes/" + id + "/feedback").then().statusCode(201).extract().path("disputeId");
        json(TestTokens.secretariat(), Map.of("outcome", "keep", "version", 0))
                .post("/api/v1/disputes/" + disputeId + "/resolution").then().statusCode(200);
        as(TestTokens.secretariat()).get("/api/v1/hashes/" + id).then().body("status", equalTo("active"));
    }

    static Stream<Arguments> badFeedback() {
        return Stream.of(
                Arguments.of(Map.of("verdict", "maybe")),
                Arguments.of(Map.of("verdict", "disagree")),
                Arguments.of(Map.of("verdict", "disagree", "reason", "boring")),
                Arguments.of(Map.of("verdict", "agree", "reason", "other")),
                Arguments.of(Map.of("verdict", "agree", "comment", "x".repeat(2001))));
    }

    @ParameterizedTest
    @MethodSource("badFeedback")
    void badFeedbackChangesNothing(Map<String, Object> body) {
        String id = share(contributor.contributor(), pdq(hex(64), 80, "image"));
        String footprint = db.footprint();
        problem(json(critic.matcher(), body).post("/api/v1/hashes/" + id + "/feedback").then(), 400);
        assertEquals(footprint, db.footprint());
    }

    @Test
    void feedbackOnAnUnknownHashOrWithoutASupporterIsRefused() {
        String footprint = db.footprint();
        problem(json(critic.matcher(), Map.of("verdict", "agree")).post("/api/v1/hashes/" + java.util.UUID.randomUUID()
                + "/feedback").then(), 404);
        String id = share(contributor.contributor(), pdq(hex(64), 80, "image"));
        footprint = db.footprint();
        problem(json(TestTokens.withRoles("matcher"), Map.of("verdict", "agree"))
                .post("/api/v1/hashes/" + id + "/feedback").then(), 403);
        problem(as(TestTokens.secretariat()).get("/api/v1/disputes/" + java.util.UUID.randomUUID()).then(), 404);
        problem(as(TestTokens.secretariat()).queryParam("status", "closed").get("/api/v1/disputes").then(), 400);
        assertEquals(footprint, db.footprint());
    }
}
