package org.christchurchcall.protocol;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.support.Db;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input gets a 4xx problem and leaves every table as it was. */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class BadInputTest {

    @Inject
    DataSource ds;

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return m;
    }

    void refused(String token, String method, String path, Object body, int status) {
        var r = given().auth().oauth2(token);
        if (body instanceof String s) {
            r = r.contentType(ContentType.JSON).body(s);
        } else if (body != null) {
            r = r.contentType(ContentType.JSON).body(body);
        }
        r.request(method, path).then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status));
    }

    @Test
    void everyWriteEndpointRefusesBadInputAndChangesNothing() {
        String id = Fixtures.activeIncident("ccscrp", "awareness", false);
        var view = given().auth().oauth2(World.NZ.member()).get("/api/v1/incidents/" + id).then().extract().jsonPath();
        String activation = view.getString("activations[0].id");
        int activationVersion = view.getInt("activations[0].version");
        Db db = new Db(ds).quiet();
        String before = db.snapshot();
        String nz = World.NZ.member();
        String coordinator = World.NZ.coordinator();
        Map<String, Object> report = Fixtures.report(List.of("ccscrp"), false);

        refused(nz, "POST", "/api/v1/incidents", with(report, "title", null), 400);
        refused(nz, "POST", "/api/v1/incidents", with(report, "title", "x".repeat(201)), 400);
        refused(nz, "POST", "/api/v1/incidents", with(report, "occurredAt", "yesterday"), 400);
        refused(nz, "POST", "/api/v1/incidents", with(report, "occurredAt", "2999-01-01T00:00:00Z"), 400);
        refused(nz, "POST", "/api/v1/incidents", with(report, "contentUrls", List.of("javascript:alert(1)")), 400);
        refused(nz, "POST", "/api/v1/incidents", with(report, "contentTypes", List.of("hologram")), 400);
        refused(nz, "POST", "/api/v1/incidents", with(report, "protocols", List.of("no-such-protocol")), 400);
        refused(nz, "POST", "/api/v1/incidents", with(report, "exercise", "perhaps"), 400);
        refused(nz, "POST", "/api/v1/incidents", "{\"title\": ", 400);
        refused(nz, "POST", "/api/v1/incidents", "", 400);
        given().auth().oauth2(nz).contentType(ContentType.TEXT).body("title=x").post("/api/v1/incidents").then()
                .statusCode(415).contentType("application/problem+json");

        String base = "/api/v1/incidents/" + id;
        refused(coordinator, "POST", base + "/transitions", Map.of("to", "sideways", "version", 0), 400);
        refused(coordinator, "POST", base + "/transitions", Map.of("to", "concluding"), 400);
        refused(coordinator, "POST", base + "/transitions", Map.of("to", "reported", "version", 99), 409);
        refused(coordinator, "POST", "/api/v1/incidents/" + java.util.UUID.randomUUID() + "/transitions",
                Map.of("to", "assessing", "version", 0), 404);

        Map<String, Object> act = Fixtures.activation("eu-crisis-protocol", "monitoring");
        refused(coordinator, "POST", base + "/activations", with(act, "criteria", null), 400);
        refused(coordinator, "POST", base + "/activations", with(act, "criteria", Map.of("ongoingEvent", true)), 400);
        refused(coordinator, "POST", base + "/activations", with(act, "decision", " "), 400);
        refused(coordinator, "POST", base + "/activations", with(act, "protocol", "unknown-protocol"), 400);
        refused(coordinator, "POST", base + "/activations", with(act, "level", "content-incident"), 400);
        refused(coordinator, "POST", base + "/activations/" + activation + "/level-changes",
                Map.of("level", "full-activation", "version", 0), 400);
        refused(coordinator, "POST", base + "/activations/" + activation + "/level-changes",
                Map.of("level", "no-such-level", "reason", "r", "version", activationVersion), 400);
        refused(coordinator, "POST", base + "/activations/" + activation + "/approvals", Map.of("note", "x".repeat(10001)),
                400);
        refused(coordinator, "POST", base + "/activations/" + activation + "/approvals", Map.of(), 409);

        refused(coordinator, "POST", base + "/updates", Map.of("summary", ""), 400);
        refused(coordinator, "POST", base + "/updates", Map.of("summary", "s", "counts", Map.of("hashesShared", -1)), 400);
        refused(coordinator, "POST", base + "/updates", Map.of("summary", "s", "counts", Map.of("Bad Key", 1)), 400);
        refused(World.FR.member(), "POST", base + "/acknowledgements", Map.of("note", "x".repeat(2001)), 400);
        refused(World.FR.member(), "POST", base + "/acknowledgements",
                Map.of("eventId", java.util.UUID.randomUUID().toString()), 400);
        refused(World.INZ.member(), "POST", "/api/v1/incidents/" + id + "/acknowledgements", Map.of(), 404);

        String secretariat = TestTokens.secretariat();
        refused(secretariat, "GET", "/api/v1/incidents?limit=0", null, 400);
        refused(secretariat, "GET", "/api/v1/incidents?limit=501", null, 400);
        refused(secretariat, "GET", "/api/v1/incidents?cursor=garbage", null, 400);
        refused(secretariat, "GET", "/api/v1/incidents?status=bogus", null, 400);
        refused(secretariat, "GET", base + "/timeline?cursor=%21%21", null, 400);
        refused(secretariat, "GET", "/api/v1/protocols?limit=-1", null, 400);
        given().auth().oauth2(secretariat).get("/api/v1/incidents/not-a-uuid").then()
                .statusCode(greaterThanOrEqualTo(400)).statusCode(lessThan(500));

        assertEquals(before, db.snapshot());
    }
}
