package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.activeSupporter;
import static org.christchurchcall.supporter.Fixtures.applicant;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.christchurchcall.supporter.Fixtures.tokenFor;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class StocktakeTest {

    @Inject
    AgroalDataSource ds;

    static Map<String, Object> entry(String commitmentId, String status, String evidence, String... urls) {
        Map<String, Object> e = new HashMap<>();
        e.put("commitmentId", commitmentId);
        e.put("status", status);
        e.put("evidence", evidence);
        e.put("evidenceUrls", List.of(urls));
        return e;
    }

    static Map<String, Object> submission(Object... entries) {
        return Map.of("entries", List.of(entries));
    }

    static String open() {
        return asSecretariat().body(Map.of("name", Fixtures.uniqueName("Stocktake"), "description", "canvass"))
                .post("/api/v1/stocktakes").then().statusCode(201).body("status", equalTo("open"))
                .body("openedAt", notNullValue()).extract().path("id");
    }

    @Test
    void roundTripOpenSubmitCloseFrozenSummary() {
        String id = open();
        UUID nz = activeSupporter("government");
        UUID fr = activeSupporter("government");
        UUID line = activeSupporter("company");
        String nzToken = tokenFor(nz, Roles.GOVERNMENT);

        as(nzToken).body(submission(entry("gov-1", "implemented", "national strategy", "https://gov.example/cve"),
                entry("joint-1", "in-progress", null))).post("/api/v1/stocktakes/{id}/reports", id).then()
                .statusCode(200).body("supporterId", equalTo(nz.toString()))
                .body("results.outcome", everyItem(equalTo("created")));
        as(tokenFor(fr, Roles.GOVERNMENT)).body(submission(entry("gov-1", "in-progress", "bill before parliament")))
                .post("/api/v1/stocktakes/{id}/reports", id).then().statusCode(200);
        // the secretariat may enter a supporter's answers on its behalf
        asSecretariat().body(Map.of("supporterId", line, "entries", List.of(entry("osp-1", "implemented", "hash sharing"),
                entry("joint-1", "implemented", "counter-speech programme")))).post("/api/v1/stocktakes/{id}/reports", id)
                .then().statusCode(200);

        // resubmitting the same answer changes nothing; a different one replaces it
        as(nzToken).body(submission(entry("gov-1", "implemented", "national strategy", "https://gov.example/cve"),
                entry("joint-1", "implemented", "community programme"))).post("/api/v1/stocktakes/{id}/reports", id)
                .then().statusCode(200).body("results[0].outcome", equalTo("unchanged"))
                .body("results[1].outcome", equalTo("updated")).body("results[1].version", equalTo(1));

        JsonPath summary = as(TestTokens.forSupporter(UUID.randomUUID(), Roles.CIVIL_SOCIETY))
                .get("/api/v1/stocktakes/{id}/summary", id).then().statusCode(200)
                .body("status", equalTo("open")).body("supportersReporting", equalTo(3)).body("reports", equalTo(5))
                .body("commitments", hasSize(25)).extract().jsonPath();
        Map<String, Object> gov1 = line(summary, "gov-1");
        assertEquals(2, gov1.get("reports"));
        assertEquals(Map.of("not-started", 0, "in-progress", 1, "implemented", 1, "not-applicable", 0),
                gov1.get("byStatus"));
        assertEquals(Map.of("not-started", 0, "in-progress", 1, "implemented", 1, "not-applicable", 0),
                nested(gov1, "government"));
        assertEquals(List.of("government", "intergovernmental"), List.copyOf(map(gov1, "bySupporterType").keySet()));
        Map<String, Object> joint1 = line(summary, "joint-1");
        assertEquals(Map.of("not-started", 0, "in-progress", 0, "implemented", 2, "not-applicable", 0),
                joint1.get("byStatus"));
        assertEquals(1, nested(joint1, "government").get("implemented"));
        assertEquals(1, nested(joint1, "company").get("implemented"));
        assertEquals(0, nested(joint1, "civil-society").get("implemented"));
        assertEquals(1, nested(line(summary, "osp-1"), "company").get("implemented"));
        assertEquals(0, line(summary, "gov-2").get("reports"));

        long version = asSecretariat().get("/api/v1/stocktakes/{id}", id).then().statusCode(200).extract().jsonPath()
                .getLong("version");
        asSecretariat().body(Map.of("version", version)).post("/api/v1/stocktakes/{id}/close", id).then()
                .statusCode(200).body("status", equalTo("closed")).body("closedAt", notNullValue());

        long reports = count(ds, "stocktake_report");
        problem(as(nzToken).body(submission(entry("gov-2", "implemented", "late"))).post("/api/v1/stocktakes/{id}/reports",
                id).then(), 409).body("type", equalTo("urn:ccall:problem:invalid-state"));
        problem(as(nzToken).body(submission(entry("gov-1", "not-started", "changed my mind")))
                .post("/api/v1/stocktakes/{id}/reports", id).then(), 409);
        problem(asSecretariat().body(Map.of("version", version + 1)).post("/api/v1/stocktakes/{id}/close", id).then(),
                409);
        assertEquals(reports, count(ds, "stocktake_report"));

        asSecretariat().get("/api/v1/stocktakes/{id}/summary", id).then().statusCode(200)
                .body("status", equalTo("closed")).body("reports", equalTo(5));
        as(nzToken).get("/api/v1/stocktakes/{id}/reports", id).then().statusCode(200).body("items", hasSize(2))
                .body("items.commitmentId", containsInAnyOrder("gov-1", "joint-1"));
        as(nzToken).queryParam("commitmentId", "gov-1").get("/api/v1/stocktakes/{id}/reports", id).then()
                .body("items[0].evidenceUrls", equalTo(List.of("https://gov.example/cve")))
                .body("items[0].status", equalTo("implemented"));
        asSecretariat().get("/api/v1/stocktakes/{id}/reports", id).then().body("items", hasSize(5));
        as(TestTokens.withRoles(Roles.AUDITOR)).queryParam("limit", 2).get("/api/v1/stocktakes/{id}/reports", id)
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue());
        problem(as(nzToken).queryParam("supporterId", fr).get("/api/v1/stocktakes/{id}/reports", id).then(), 403);
        problem(as(TestTokens.withRoles(Roles.SERVICE)).get("/api/v1/stocktakes/{id}/reports", id).then(), 403);
    }

    @Test
    void listsAndReadsStocktakes() {
        String id = open();
        String token = TestTokens.withRoles(Roles.MATCHER);
        as(token).queryParam("limit", 500).get("/api/v1/stocktakes").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(token).get("/api/v1/stocktakes/{id}", id).then().statusCode(200).body("id", equalTo(id));
        problem(as(token).get("/api/v1/stocktakes/{id}", UUID.randomUUID()).then(), 404);
        problem(as(token).get("/api/v1/stocktakes/{id}/summary", UUID.randomUUID()).then(), 404);
    }

    @Test
    void onlyTheSecretariatOpensAndCloses() {
        String id = open();
        long before = count(ds, "stocktake");
        for (String token : List.of(tokenFor(UUID.randomUUID(), Roles.GOVERNMENT, Roles.CRISIS_COORDINATOR),
                tokenFor(UUID.randomUUID(), Roles.COMPANY), TestTokens.withRoles(Roles.AUDITOR),
                TestTokens.withRoles(Roles.SERVICE))) {
            problem(as(token).body(Map.of("name", Fixtures.uniqueName("Rogue"))).post("/api/v1/stocktakes").then(), 403);
            problem(as(token).body(Map.of("version", 0)).post("/api/v1/stocktakes/{id}/close", id).then(), 403);
        }
        assertEquals(before, count(ds, "stocktake"));
        asSecretariat().get("/api/v1/stocktakes/{id}", id).then().body("status", equalTo("open"));
    }

    @Test
    void aSupporterReportsOnlyForItself() {
        String id = open();
        UUID a = activeSupporter("company");
        UUID b = activeSupporter("company");
        long before = count(ds, "stocktake_report");
        problem(as(tokenFor(a, Roles.COMPANY)).body(Map.of("supporterId", b, "entries", List.of(entry("osp-1",
                "implemented", "x")))).post("/api/v1/stocktakes/{id}/reports", id).then(), 403);
        for (String role : List.of(Roles.AUDITOR, Roles.SERVICE, Roles.MATCHER)) {
            problem(as(TestTokens.withRoles(role)).body(Map.of("supporterId", b, "entries", List.of(entry("osp-1",
                    "implemented", "x")))).post("/api/v1/stocktakes/{id}/reports", id).then(), 403);
        }
        assertEquals(before, count(ds, "stocktake_report"));
    }

    @Test
    void badReportsAreRefusedWholeAndStoreNothing() {
        String id = open();
        UUID company = activeSupporter("company");
        String token = tokenFor(company, Roles.COMPANY);
        long before = count(ds, "stocktake_report");
        List<Object[]> cases = List.of(
                new Object[] { submission(entry("osp-1", "implemented", "ok"), entry("gov-1", "implemented", "no")),
                        "entries[1].commitmentId" },
                new Object[] { submission(entry("osp-99", "implemented", "x")), "entries[0].commitmentId" },
                new Object[] { submission(entry("osp-1", "implemented", "x"), entry("osp-1", "in-progress", "y")),
                        "entries[1].commitmentId" },
                new Object[] { submission(entry("osp-1", "done", "x")), "entries[0].status" },
                new Object[] { submission(entry("osp-1", "implemented", "x", "javascript:alert(1)")),
                        "entries[0].evidenceUrls" },
                new Object[] { submission(entry("osp-1", "implemented", "x".repeat(4001))), "entries[0].evidence" },
                new Object[] { Map.of("entries", List.of()), "entries" });
        for (Object[] c : cases) {
            problem(as(token).body(c[0]).post("/api/v1/stocktakes/{id}/reports", id).then(), 400)
                    .body("errors.field", hasItem(startsWith((String) c[1])));
        }
        assertEquals(before, count(ds, "stocktake_report"));

        UUID applicant = applicant("company");
        problem(as(tokenFor(applicant, Roles.COMPANY)).body(submission(entry("osp-1", "implemented", "x")))
                .post("/api/v1/stocktakes/{id}/reports", id).then(), 409);
        problem(as(token).body(submission(entry("osp-1", "implemented", "x")))
                .post("/api/v1/stocktakes/{id}/reports", UUID.randomUUID()).then(), 404);
        assertEquals(before, count(ds, "stocktake_report"));
    }

    @Test
    void badStocktakesStoreNothing() {
        long before = count(ds, "stocktake");
        problem(asSecretariat().body(Map.of("description", "no name")).post("/api/v1/stocktakes").then(), 400)
                .body("errors[0].field", equalTo("name"));
        problem(asSecretariat().body(Map.of("name", "x".repeat(201))).post("/api/v1/stocktakes").then(), 400);
        String name = asSecretariat().get("/api/v1/stocktakes/{id}", open()).then().extract().path("name");
        before = count(ds, "stocktake");
        problem(asSecretariat().body(Map.of("name", name)).post("/api/v1/stocktakes").then(), 409);
        assertEquals(before, count(ds, "stocktake"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(JsonPath summary, String commitmentId) {
        List<Map<String, Object>> lines = summary.getList("commitments");
        return lines.stream().filter(l -> l.get("commitmentId").equals(commitmentId)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> line, String key) {
        return (Map<String, Object>) line.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> line, String type) {
        Map<String, Object> byType = map(line, "bySupporterType");
        org.hamcrest.MatcherAssert.assertThat(byType, hasKey(type));
        return (Map<String, Object>) byType.get(type);
    }
}
