package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.activeSupporter;
import static org.christchurchcall.supporter.Fixtures.applicant;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.christchurchcall.supporter.Fixtures.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SupporterResourceTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void lifecycleAppliedActiveSuspendedReinstatedWithdrawn() {
        String name = Fixtures.uniqueName("Republic of Testland");
        var created = asSecretariat()
                .body(Map.of("name", name, "type", "government", "country", "NZ", "website", "https://testland.example"))
                .post("/api/v1/supporters").then().statusCode(201)
                .body("status", equalTo("applied")).body("appliedAt", notNullValue()).body("joinedOn", nullValue())
                .body("version", equalTo(0)).extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/supporters/" + id));
        asSecretariat().get("/api/v1/supporters/{id}", id).then().statusCode(200).body("name", equalTo(name));

        asSecretariat().body(Map.of("version", 0, "joinedOn", "2019-05-15")).post("/api/v1/supporters/{id}/admit", id)
                .then().statusCode(200).body("status", equalTo("active")).body("joinedOn", equalTo("2019-05-15"))
                .body("version", equalTo(1));
        problem(asSecretariat().body(Map.of("version", 1)).post("/api/v1/supporters/{id}/admit", id).then(), 409)
                .body("type", equalTo("urn:ccall:problem:invalid-state"));

        String own = tokenFor(UUID.fromString(id), Roles.GOVERNMENT);
        as(own).body(Map.of("version", 1, "name", name + " (renamed)", "country", "NZ", "website", "https://t.example"))
                .put("/api/v1/supporters/{id}", id).then().statusCode(200).body("name", equalTo(name + " (renamed)"))
                .body("website", equalTo("https://t.example")).body("version", equalTo(2));

        asSecretariat().body(Map.of("version", 2, "reason", "breach of the core principles"))
                .post("/api/v1/supporters/{id}/suspend", id).then().statusCode(200)
                .body("status", equalTo("suspended")).body("statusReason", equalTo("breach of the core principles"))
                .body("suspendedAt", notNullValue());
        asSecretariat().body(Map.of("version", 3, "reason", "remedied"))
                .post("/api/v1/supporters/{id}/reinstate", id).then().statusCode(200)
                .body("status", equalTo("active")).body("statusReason", equalTo("remedied"));
        asSecretariat().body(Map.of("version", 4, "reason", "left the Call"))
                .post("/api/v1/supporters/{id}/withdraw", id).then().statusCode(200)
                .body("status", equalTo("withdrawn")).body("withdrawnAt", notNullValue());
        problem(asSecretariat().body(Map.of("version", 5, "reason", "again"))
                .post("/api/v1/supporters/{id}/withdraw", id).then(), 409);
        problem(asSecretariat().body(Map.of("version", 5)).post("/api/v1/supporters/{id}/reinstate", id).then(), 409);
    }

    @Test
    void othersSeeOnlyActiveSupporters() {
        UUID applied = applicant("company");
        UUID active = activeSupporter("company");
        String stranger = tokenFor(UUID.randomUUID(), Roles.GOVERNMENT);

        problem(as(stranger).get("/api/v1/supporters/{id}", applied).then(), 404);
        as(stranger).get("/api/v1/supporters/{id}", active).then().statusCode(200);
        as(tokenFor(applied, Roles.COMPANY)).get("/api/v1/supporters/{id}", applied).then().statusCode(200)
                .body("status", equalTo("applied"));
        asSecretariat().get("/api/v1/supporters/{id}", applied).then().statusCode(200);

        List<String> seenByStranger = allIds(stranger, Map.of("type", "company"));
        assertTrue(seenByStranger.contains(active.toString()));
        assertTrue(!seenByStranger.contains(applied.toString()));
        as(stranger).queryParam("status", "applied").get("/api/v1/supporters").then().statusCode(200)
                .body("items.size()", equalTo(0));
        as(TestTokens.withRoles(Roles.AUDITOR)).queryParam("limit", 500).get("/api/v1/supporters").then()
                .statusCode(200).body("items.status", everyItem(equalTo("active")));

        asSecretariat().queryParam("status", "applied").queryParam("limit", 500).get("/api/v1/supporters").then()
                .statusCode(200).body("items.id", hasItem(applied.toString()))
                .body("items.id", not(hasItem(active.toString())));
    }

    @Test
    void pagesCoverEverySupporterOnce() {
        for (int i = 0; i < 3; i++) {
            applicant("civil-society");
        }
        List<String> ids = allIds(TestTokens.secretariat(), Map.of("limit", 2));
        assertEquals(new HashSet<>(ids).size(), ids.size(), "no supporter on two pages");
        assertEquals(count(ds, "supporter"), ids.size());
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        UUID id = activeSupporter("company");
        problem(asSecretariat().body(Map.of("version", 0, "name", "Stale Ltd", "country", "JP"))
                .put("/api/v1/supporters/{id}", id).then(), 409)
                .body("type", equalTo("urn:ccall:problem:stale-version"));
        asSecretariat().get("/api/v1/supporters/{id}", id).then().body("name", not(equalTo("Stale Ltd")));
        problem(asSecretariat().body(Map.of("version", 0, "reason", "x")).post("/api/v1/supporters/{id}/suspend", id)
                .then(), 409);
    }

    @Test
    void aSupporterEditsOnlyItsOwnProfile() {
        UUID id = activeSupporter("company");
        long version = Fixtures.version(id);
        Map<String, Object> edit = Map.of("version", version, "name", "Hijacked", "country", "JP");
        for (String token : List.of(tokenFor(UUID.randomUUID(), Roles.COMPANY),
                tokenFor(UUID.randomUUID(), Roles.GOVERNMENT, Roles.CRISIS_COORDINATOR))) {
            problem(as(token).body(edit).put("/api/v1/supporters/{id}", id).then(), 403);
        }
        for (String role : List.of(Roles.AUDITOR, Roles.SERVICE, Roles.MATCHER)) {
            problem(as(TestTokens.withRoles(role)).body(edit).put("/api/v1/supporters/{id}", id).then(), 403);
        }
        assertEquals(version, Fixtures.version(id));
    }

    static Stream<Arguments> notSecretariat() {
        UUID self = UUID.randomUUID();
        return Stream.of(
                Arguments.of("government", TestTokens.forSupporter(self, Roles.GOVERNMENT, Roles.CRISIS_COORDINATOR)),
                Arguments.of("company", TestTokens.forSupporter(self, Roles.COMPANY, Roles.HASH_CONTRIBUTOR)),
                Arguments.of("intergovernmental", TestTokens.forSupporter(self, Roles.INTERGOVERNMENTAL)),
                Arguments.of("civil-society", TestTokens.forSupporter(self, Roles.CIVIL_SOCIETY)),
                Arguments.of("auditor", TestTokens.withRoles(Roles.AUDITOR)),
                Arguments.of("service", TestTokens.withRoles(Roles.SERVICE)),
                Arguments.of("matcher", TestTokens.withRoles(Roles.MATCHER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSecretariat")
    void onlyTheSecretariatRegistersAndChangesStatus(String who, String token) {
        UUID applicant = applicant("government");
        UUID active = activeSupporter("company");
        long before = count(ds, "supporter");
        problem(as(token).body(Map.of("name", Fixtures.uniqueName("Sneaky"), "type", "company"))
                .post("/api/v1/supporters").then(), 403);
        problem(as(token).body(Map.of("version", 0)).post("/api/v1/supporters/{id}/admit", applicant).then(), 403);
        problem(as(token).body(Map.of("version", 1, "reason", "x")).post("/api/v1/supporters/{id}/suspend", active)
                .then(), 403);
        problem(as(token).body(Map.of("version", 1)).post("/api/v1/supporters/{id}/reinstate", active).then(), 403);
        problem(as(token).body(Map.of("version", 1, "reason", "x")).post("/api/v1/supporters/{id}/withdraw", active)
                .then(), 403);
        assertEquals(before, count(ds, "supporter"));
        asSecretariat().get("/api/v1/supporters/{id}", applicant).then().body("status", equalTo("applied"));
        asSecretariat().get("/api/v1/supporters/{id}", active).then().body("status", equalTo("active"));
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                Arguments.of("no name", body(null, "company", "JP", null), "name"),
                Arguments.of("blank name", body("  ", "company", "JP", null), "name"),
                Arguments.of("name too long", body("x".repeat(201), "company", "JP", null), "name"),
                Arguments.of("no type", body("A", null, "JP", null), "type"),
                Arguments.of("unknown type", body("A", "ngo", "JP", null), "type"),
                Arguments.of("unknown country", body("A", "company", "XX", null), "country"),
                Arguments.of("lower-case country", body("A", "company", "jp", null), "country"),
                Arguments.of("alpha-3 country", body("A", "company", "JPN", null), "country"),
                Arguments.of("government without country", body("A", "government", null, null), "country"),
                Arguments.of("intergovernmental with country", body("A", "intergovernmental", "FR", null), "country"),
                Arguments.of("website not http", body("A", "company", "JP", "ftp://example.org"), "website"),
                Arguments.of("website relative", body("A", "company", "JP", "example.org"), "website"));
    }

    static Map<String, Object> body(String name, String type, String country, String website) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.put("country", country);
        m.put("website", website);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badInputIsA400NamingTheFieldAndStoresNothing(String why, Map<String, Object> body, String field) {
        long supporters = count(ds, "supporter");
        long events = count(ds, "audit_event");
        problem(asSecretariat().body(body).post("/api/v1/supporters").then(), 400)
                .body("errors.field", hasItem(field));
        assertEquals(supporters, count(ds, "supporter"));
        assertEquals(events, count(ds, "audit_event"));
    }

    @Test
    void badEditsAndTransitionsStoreNothing() {
        UUID id = activeSupporter("government");
        long version = Fixtures.version(id);
        problem(asSecretariat().body(Map.of("version", version, "name", "X", "country", "ZZ"))
                .put("/api/v1/supporters/{id}", id).then(), 400).body("errors[0].field", equalTo("country"));
        problem(asSecretariat().body(Map.of("name", "X", "country", "NZ")).put("/api/v1/supporters/{id}", id).then(),
                400).body("errors[0].field", equalTo("version"));
        problem(asSecretariat().body(Map.of("version", version)).post("/api/v1/supporters/{id}/suspend", id).then(),
                400).body("errors[0].field", equalTo("reason"));
        problem(asSecretariat().body(Map.of("version", version, "reason", "x"))
                .post("/api/v1/supporters/{id}/suspend", UUID.randomUUID()).then(), 404);
        assertEquals(version, Fixtures.version(id));
    }

    @Test
    void aDuplicateNameIsAConflict() {
        String name = Fixtures.uniqueName("Twin");
        asSecretariat().body(body(name, "company", "JP", null)).post("/api/v1/supporters").then().statusCode(201);
        long before = count(ds, "supporter");
        problem(asSecretariat().body(body(name.toUpperCase(), "company", "JP", null)).post("/api/v1/supporters")
                .then(), 409);
        assertEquals(before, count(ds, "supporter"));
    }

    @Test
    void filtersAreValidated() {
        problem(asSecretariat().queryParam("status", "dormant").get("/api/v1/supporters").then(), 400)
                .body("errors[0].field", equalTo("status"));
        problem(asSecretariat().queryParam("type", "ngo").get("/api/v1/supporters").then(), 400);
        problem(asSecretariat().queryParam("limit", 0).get("/api/v1/supporters").then(), 400);
    }

    private static List<String> allIds(String token, Map<String, Object> query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var r = as(token).queryParams(query);
            if (cursor != null) {
                r = r.queryParam("cursor", cursor);
            }
            JsonPath page = r.get("/api/v1/supporters").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
