package org.christchurchcall.hashmatch.match;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.exact;
import static org.christchurchcall.hashmatch.support.Api.flip;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.pdq;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MatchTest {

    final Member company = Member.company();
    final String matcher = Member.government().matcher();

    static Map<String, Object> queries(Object... typeValue) {
        List<Map<String, String>> q = new ArrayList<>();
        for (int i = 0; i < typeValue.length; i += 2) {
            q.add(Map.of("type", (String) typeValue[i], "value", (String) typeValue[i + 1]));
        }
        return Map.of("queries", q);
    }

    @Test
    void pdqMatchesWithinTheThresholdWithLabelsAndIncident() {
        String value = hex(64);
        UUID incident = UUID.randomUUID();
        String id = share(company.contributor(), pdq(value, 80, incident));

        json(matcher, queries("pdq", flip(value, 31), "pdq", flip(value, 32), "pdq", hex(64))).post("/api/v1/match")
                .then().statusCode(200)
                .body("threshold", equalTo(31),
                        "results[0].matches", hasSize(1),
                        "results[0].matches[0].id", equalTo(id),
                        "results[0].matches[0].distance", equalTo(31),
                        "results[0].matches[0].labels", contains("graphic-violence-against-defenceless-people", "image"),
                        "results[0].matches[0].incidentId", equalTo(incident.toString()),
                        "results[0].matches[0].status", equalTo("active"),
                        "results[0].matches[0].contributorId", nullValue(),
                        "results[1].matches", empty(),
                        "results[2].matches", empty());

        Map<String, Object> narrow = Map.of("queries", List.of(Map.of("type", "pdq", "value", flip(value, 5))),
                "threshold", 4);
        json(TestTokens.withRoles(Roles.SERVICE), narrow).post("/api/v1/match").then().statusCode(200)
                .body("threshold", equalTo(4), "results[0].matches", empty());
    }

    @Test
    void exactHashesMatchByValueInAnyCase() {
        String md5 = hex(32);
        String sha = hex(64);
        String md5Id = share(company.contributor(), exact("md5", md5, "video"));
        String shaId = share(company.contributor(), exact("sha256", sha, "pdf"));
        json(TestTokens.secretariat(), queries("md5", md5.toUpperCase(), "sha256", sha, "sha256", flip(sha, 1)))
                .post("/api/v1/match").then().statusCode(200)
                .body("results[0].matches.id", contains(md5Id), "results[0].matches[0].distance", equalTo(0),
                        "results[1].matches.id", contains(shaId), "results[2].matches", empty());
    }

    @Test
    void aRetractedHashStopsMatchingAtOnce() {
        String value = hex(64);
        String id = share(company.contributor(), pdq(value, 80, "image"));
        String md5 = hex(32);
        String md5Id = share(company.contributor(), exact("md5", md5, "image"));
        json(matcher, queries("pdq", value, "md5", md5)).post("/api/v1/match").then().statusCode(200)
                .body("results[0].matches.id", contains(id), "results[1].matches.id", contains(md5Id));

        as(company.contributor()).post("/api/v1/hashes/" + id + "/retraction").then().statusCode(200);
        as(company.contributor()).post("/api/v1/hashes/" + md5Id + "/retraction").then().statusCode(200);
        json(matcher, queries("pdq", value, "md5", md5)).post("/api/v1/match").then().statusCode(200)
                .body("results[0].matches", empty(), "results[1].matches", empty());
    }

    @Test
    void badMatchRequestsAreProblems() {
        problem(json(matcher, Map.of("queries", List.of())).post("/api/v1/match").then(), 400)
                .body("errors[0].field", equalTo("queries"));
        problem(json(matcher, Map.of("queries", List.of(Map.of("type", "pdq", "value", hex(64))), "threshold", 32))
                .post("/api/v1/match").then(), 400).body("errors[0].field", equalTo("threshold"));
        problem(json(matcher, queries("pdq", hex(64), "md5", hex(30), "tlsh", "ab")).post("/api/v1/match").then(), 400)
                .body("errors.field", contains("queries[1].value", "queries[2].type"));
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(Map.of("type", "md5", "value", hex(32)));
        }
        problem(json(matcher, Map.of("queries", many)).post("/api/v1/match").then(), 400);
        json(matcher, Map.of("queries", many.subList(0, 1000))).post("/api/v1/match").then().statusCode(200)
                .body("results", hasSize(1000));
        problem(as(matcher).contentType("application/json").body("[").post("/api/v1/match").then(), 400);
    }
}
