package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.applicant;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Membership figures for report-service: counts by type over time, joins in a period. */
@QuarkusTest
class MembershipAggregatesTest {

    private static final String Q1_2020 = "/api/v1/supporters/aggregates?from=2020-01-01T00:00:00Z&to=2020-04-01T00:00:00Z";

    @Test
    void countsFollowJoiningDatesAndLeaveOutApplicants() {
        JsonPath before = figures(TestTokens.withRoles(Roles.SERVICE));

        admit(applicant("government"), "2020-01-10");
        admit(applicant("company"), "2020-02-15");
        UUID ngo = applicant("civil-society");
        admit(ngo, "2020-03-31");
        admit(applicant("government"), "2020-04-01"); // the day 'to' starts: not in the period
        applicant("company"); // never admitted: never a member
        // withdrawn today: still a member throughout 2020
        asSecretariat().body(Map.of("version", Fixtures.version(ngo), "reason", "left"))
                .post("/api/v1/supporters/{id}/withdraw", ngo).then().statusCode(200);

        JsonPath after = figures(TestTokens.withRoles(Roles.AUDITOR));
        assertEquals(Map.of("government", 1L, "intergovernmental", 0L, "company", 1L, "civil-society", 1L),
                delta(before, after, "joinedInPeriod"));
        // members at 'to' (2020-04-01T00:00Z) include the one who joined that day
        assertEquals(Map.of("government", 2L, "intergovernmental", 0L, "company", 1L, "civil-society", 1L),
                delta(before, after, "byType"));
        List<String> dates = after.getList("activeAt.date");
        assertEquals(List.of("2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01"), dates);
        assertEquals(Map.of("government", 0L, "intergovernmental", 0L, "company", 0L, "civil-society", 0L),
                delta(before, after, "activeAt[0].byType"));
        assertEquals(Map.of("government", 1L, "intergovernmental", 0L, "company", 0L, "civil-society", 0L),
                delta(before, after, "activeAt[1].byType"));
        assertEquals(Map.of("government", 1L, "intergovernmental", 0L, "company", 1L, "civil-society", 0L),
                delta(before, after, "activeAt[2].byType"));
        assertEquals(Map.of("government", 2L, "intergovernmental", 0L, "company", 1L, "civil-society", 1L),
                delta(before, after, "activeAt[3].byType"));
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR, Roles.MATCHER })
    void onlyReportingRolesMayRead(String role) {
        problem(as(TestTokens.withRoles(role)).get(Q1_2020).then(), 403);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "?from=2020-01-01T00:00:00Z", "?from=2020-04-01T00:00:00Z&to=2020-01-01T00:00:00Z",
            "?from=yesterday&to=2020-01-01T00:00:00Z", "?from=1900-01-01T00:00:00Z&to=2100-01-01T00:00:00Z" })
    void badPeriodIsAProblem(String query) {
        problem(asSecretariat().get("/api/v1/supporters/aggregates" + query).then(), 400);
    }

    private static void admit(UUID id, String joinedOn) {
        asSecretariat().body(Map.of("version", 0, "joinedOn", joinedOn)).post("/api/v1/supporters/{id}/admit", id)
                .then().statusCode(200);
    }

    private static JsonPath figures(String token) {
        return as(token).get(Q1_2020).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Long> delta(JsonPath before, JsonPath after, String path) {
        Map<String, Object> b = before.getMap(path);
        Map<String, Object> a = after.getMap(path);
        Map<String, Long> d = new java.util.HashMap<>();
        a.forEach((k, v) -> d.put(k, ((Number) v).longValue() - ((Number) b.get(k)).longValue()));
        return d;
    }
}
