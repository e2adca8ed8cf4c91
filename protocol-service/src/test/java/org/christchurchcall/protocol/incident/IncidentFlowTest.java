package org.christchurchcall.protocol.incident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.christchurchcall.protocol.support.Fixtures.activate;
import static org.christchurchcall.protocol.support.Fixtures.reportIncident;
import static org.christchurchcall.protocol.support.Fixtures.transition;
import static org.christchurchcall.protocol.support.World.EC;
import static org.christchurchcall.protocol.support.World.FR;
import static org.christchurchcall.protocol.support.World.JVC;
import static org.christchurchcall.protocol.support.World.LINE;
import static org.christchurchcall.protocol.support.World.NZ;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.support.Db;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.Hooks;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An incident from report to debrief, through the API, with real deliveries to the receivers. */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class IncidentFlowTest {

    @Inject
    DataSource ds;

    @Test
    void fromReportToDebriefEveryStepIsNotifiedSignedAndLogged() {
        Db db = new Db(ds);
        String id = reportIncident(NZ.member(), List.of("ccscrp"), false);
        given().auth().oauth2(NZ.member()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("status", equalTo("reported")).body("nextStatuses", equalTo(List.of("assessing")))
                .body("exercise", equalTo(false)).body("classification", equalTo("live"))
                .body("contentTypes", equalTo(List.of("livestream", "video")));

        // a protocol cannot be activated before the incident is assessed
        activate(NZ.coordinator(), id, "ccscrp", "coordinated-response").statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:ccall:problem:invalid-state"));
        transition(NZ.coordinator(), id, "assessing", null, null).statusCode(200).body("status", equalTo("assessing"));

        String activationId = activate(NZ.coordinator(), id, "ccscrp", "coordinated-response").statusCode(201)
                .header("Location", containsString("/api/v1/incidents/" + id + "/activations/"))
                .body("status", equalTo("in-effect")).body("criteria.murderOrAttemptedMurder", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(FR.member()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("status", equalTo("active")).body("activatedAt", notNullValue())
                .body("activations[0].level", equalTo("coordinated-response"));

        // every ccscrp participant, and only they, get a signed activation alert
        for (World.Supporter s : List.of(NZ, FR, LINE)) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !Hooks.receivedOfType(s, id, "incident.activated").isEmpty());
            var r = Hooks.received(s, id).get(0);
            Hooks.assertSigned(s, r);
            JsonNode body = Hooks.body(r);
            assertEquals(id, body.path("incident").path("id").asText());
            assertEquals("live", body.path("classification").asText());
            assertEquals("ccscrp", body.path("data").path("protocol").asText());
            assertFalse(body.path("incident").path("title").asText().startsWith("[EXERCISE]"));
        }
        assertTrue(Hooks.received(JVC, id).isEmpty());
        assertTrue(Hooks.received(EC, id).isEmpty());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(NZ.coordinator())
                .get("/api/v1/incidents/" + id + "/participants").then().statusCode(200)
                .body("items.size()", equalTo(3)).body("items.firstDeliveredAt", org.hamcrest.Matchers.everyItem(notNullValue()))
                .body("items.timeToDeliverMs", org.hamcrest.Matchers.everyItem(notNullValue()))
                .body("items.delivered", org.hamcrest.Matchers.everyItem(equalTo(1))));

        // participants acknowledge; an organisation that was not notified cannot
        String eventId = Hooks.body(Hooks.received(LINE, id).get(0)).path("eventId").asText();
        given().auth().oauth2(LINE.member()).contentType(ContentType.JSON)
                .body(Map.of("eventId", eventId, "note", "Trust and safety on it"))
                .post("/api/v1/incidents/" + id + "/acknowledgements").then().statusCode(201)
                .header("Location", containsString("/acknowledgements/")).body("supporterId", equalTo(LINE.id().toString()));
        given().auth().oauth2(JVC.member()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/incidents/" + id + "/acknowledgements").then().statusCode(404);
        // the incident's links.acknowledgements lists them, for whoever may read the incident
        String acknowledgements = given().auth().oauth2(NZ.member()).get("/api/v1/incidents/" + id).then()
                .statusCode(200).extract().path("links.acknowledgements");
        given().auth().oauth2(NZ.coordinator()).get(acknowledgements).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].supporterId", equalTo(LINE.id().toString()))
                .body("items[0].eventId", equalTo(eventId)).body("items[0].note", equalTo("Trust and safety on it"));
        given().get(acknowledgements).then().statusCode(401)
                .contentType(org.christchurchcall.platform.problem.Problem.MEDIA_TYPE);
        given().auth().oauth2(org.christchurchcall.platform.testing.TestTokens.builder()
                .roles(org.christchurchcall.platform.security.Roles.MATCHER).sign())
                .get(acknowledgements).then().statusCode(403)
                .contentType(org.christchurchcall.platform.problem.Problem.MEDIA_TYPE);
        given().auth().oauth2(JVC.member()).get(acknowledgements).then().statusCode(404)
                .contentType(org.christchurchcall.platform.problem.Problem.MEDIA_TYPE);
        given().auth().oauth2(NZ.coordinator()).get("/api/v1/incidents/" + UUID.randomUUID() + "/acknowledgements")
                .then().statusCode(404).contentType(org.christchurchcall.platform.problem.Problem.MEDIA_TYPE);
        given().auth().oauth2(NZ.coordinator()).get("/api/v1/incidents/" + id + "/participants").then()
                .statusCode(200)
                .body("items.find { it.supporterId == '" + LINE.id() + "' }.acknowledgedAt", notNullValue())
                .body("items.find { it.supporterId == '" + LINE.id() + "' }.timeToAcknowledgeMs", notNullValue())
                .body("items.find { it.supporterId == '" + FR.id() + "' }.acknowledgedAt", nullValue());

        // level change with optimistic locking on the activation
        int activationVersion = given().auth().oauth2(NZ.member()).get("/api/v1/incidents/" + id).then()
                .extract().path("activations[0].version");
        given().auth().oauth2(NZ.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("level", "full-activation", "reason", "Viral spread", "version", 99))
                .post("/api/v1/incidents/" + id + "/activations/" + activationId + "/level-changes").then()
                .statusCode(409).body("type", equalTo("urn:ccall:problem:stale-version"));
        given().auth().oauth2(NZ.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("level", "full-activation", "reason", "Viral spread", "version", activationVersion))
                .post("/api/v1/incidents/" + id + "/activations/" + activationId + "/level-changes").then()
                .statusCode(200).body("level", equalTo("full-activation")).body("version", equalTo(activationVersion + 1));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Hooks.receivedOfType(FR, id, "incident.level-changed").size() == 1);

        // situational update with counts
        given().auth().oauth2(NZ.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("summary", "Copies on three more sites", "counts",
                        Map.of("hashesShared", 198, "urlsSeen", 1200)))
                .post("/api/v1/incidents/" + id + "/updates").then().statusCode(201)
                .header("Location", containsString("/timeline/")).body("kind", equalTo("situational-update"))
                .body("data.counts.hashesShared", equalTo(198));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            var updates = Hooks.receivedOfType(LINE, id, "incident.situational-update");
            return updates.size() == 1 && updates.get(0).path("data").path("counts").path("urlsSeen").asInt() == 1200;
        });

        // conclusion needs a rationale; a refused request changes nothing
        transition(NZ.coordinator(), id, "concluding", null, null).statusCode(200);
        String before = db.quiet().snapshot();
        transition(NZ.coordinator(), id, "concluded", null, null).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("rationale"));
        transition(NZ.coordinator(), id, "debriefed", null, "review").statusCode(409)
                .body("type", equalTo("urn:ccall:problem:invalid-state"));
        assertEquals(before, db.snapshot());
        transition(NZ.coordinator(), id, "concluded", "Volume and impact have decreased for 24 hours", null)
                .statusCode(200).body("status", equalTo("concluded")).body("concludedAt", notNullValue());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Hooks.receivedOfType(NZ, id, "incident.concluded").size() == 1);

        transition(TestTokens.secretariat(), id, "debriefed", null, null).statusCode(400);
        transition(TestTokens.secretariat(), id, "debriefed", null, "After-action review: alerts reached all in 2 s")
                .statusCode(200).body("status", equalTo("debriefed")).body("afterActionReview", containsString("2 s"))
                .body("nextStatuses.size()", equalTo(0));
        transition(TestTokens.secretariat(), id, "assessing", null, null).statusCode(409);

        // the per-endpoint order of events is the order of the changes
        List<String> types = Hooks.received(FR, id).stream().map(r -> Hooks.body(r).path("type").asText()).toList();
        assertEquals(List.of("incident.activated", "incident.level-changed", "incident.situational-update",
                "incident.concluded"), types);

        db.quiet();
        given().auth().oauth2(TestTokens.withRoles("auditor")).get("/api/v1/incidents/" + id + "/timeline/verify")
                .then().statusCode(200).body("ok", equalTo(true)).body("firstBrokenPosition", nullValue());
        given().auth().oauth2(NZ.member()).queryParam("limit", 500).get("/api/v1/incidents/" + id + "/timeline").then()
                .statusCode(200).body("items.kind", hasItems("incident-reported", "status-changed",
                        "activation-requested", "activation-in-effect", "notifications-queued",
                        "notification-delivered", "acknowledged", "level-changed", "situational-update"))
                .body("items[0].prevHash", equalTo("0".repeat(64)));
    }

    @Test
    void staleVersionsAreRefusedAndChangeNothing() {
        Db db = new Db(ds);
        String id = reportIncident(FR.member(), List.of("eu-crisis-protocol"), false);
        long v = Fixtures.version(id);
        given().auth().oauth2(FR.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("to", "assessing", "version", v)).post("/api/v1/incidents/" + id + "/transitions").then()
                .statusCode(200).body("version", equalTo((int) v + 1));
        String before = db.quiet().snapshot();
        given().auth().oauth2(FR.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("to", "concluding", "version", v)).post("/api/v1/incidents/" + id + "/transitions").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:ccall:problem:stale-version"));
        assertEquals(before, db.snapshot());
    }

    @Test
    void listsShowOnlyWhatTheCallerMaySee() {
        String euIncident = reportIncident(FR.member(), List.of("eu-crisis-protocol"), false);
        String mine = reportIncident(JVC.member(), List.of(), false);
        // JVC takes part in gifct-cip only: it sees its own report, not the EU one
        var jvc = given().auth().oauth2(JVC.member()).queryParam("limit", 500).get("/api/v1/incidents").then()
                .statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertTrue(jvc.contains(mine));
        assertFalse(jvc.contains(euIncident));
        given().auth().oauth2(JVC.member()).get("/api/v1/incidents/" + euIncident).then().statusCode(404);
        var fr = given().auth().oauth2(FR.member()).queryParam("limit", 500).get("/api/v1/incidents").then()
                .statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertTrue(fr.contains(euIncident));
        assertFalse(fr.contains(mine));
        // keyset pages walk the whole list without repeats
        var first = given().auth().oauth2(TestTokens.secretariat()).queryParam("limit", 1).get("/api/v1/incidents")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("next", notNullValue()).extract()
                .jsonPath();
        given().auth().oauth2(TestTokens.secretariat()).queryParam("limit", 1)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/incidents").then().statusCode(200)
                .body("items[0].id", org.hamcrest.Matchers.not(equalTo(first.getString("items[0].id"))));
        given().auth().oauth2(TestTokens.secretariat()).queryParam("status", "reported").queryParam("limit", 500)
                .get("/api/v1/incidents").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("reported")));
    }

    @Test
    void exercisesAreLabelledInTheIncidentTheTimelineAndEveryNotification() {
        String id = Fixtures.activeIncident("eu-crisis-protocol", "monitoring", true);
        given().auth().oauth2(EC.member()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("exercise", equalTo(true)).body("classification", equalTo("exercise"));
        for (World.Supporter s : List.of(NZ, FR, EC)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !Hooks.received(s, id).isEmpty());
            JsonNode body = Hooks.body(Hooks.received(s, id).get(0));
            assertTrue(body.path("exercise").asBoolean());
            assertEquals("exercise", body.path("classification").asText());
            assertTrue(body.path("incident").path("title").asText().startsWith("[EXERCISE] "));
        }
        given().auth().oauth2(EC.member()).get("/api/v1/incidents/" + id + "/timeline").then().statusCode(200)
                .body("items.data.exercise", org.hamcrest.Matchers.everyItem(equalTo(true)));
    }
}
