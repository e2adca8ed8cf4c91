package org.christchurchcall.protocol.incident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.christchurchcall.protocol.support.Fixtures.activate;
import static org.christchurchcall.protocol.support.Fixtures.activateType;
import static org.christchurchcall.protocol.support.Fixtures.reportIncident;
import static org.christchurchcall.protocol.support.Fixtures.transition;
import static org.christchurchcall.protocol.support.World.JVC;
import static org.christchurchcall.protocol.support.World.LINE;
import static org.christchurchcall.protocol.support.World.NZ;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * GIFCT's Incident Response Framework in two versions: new activations use the version in effect
 * (2025: activation types), and an activation made under the 2021 levels keeps them for its whole
 * life, in its API answers, its changes, its timeline and its webhooks.
 */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class ProtocolVersionsTest {

    static final String TYPES_2025 = "perpetrator-content-incident, awareness-communication";
    static final String LEVELS_2021 = "incident, content-incident, content-incident-protocol";

    @Inject
    DataSource ds;

    static String assessing(World.Supporter reporter, String protocol) {
        String id = reportIncident(reporter.member(), List.of(protocol), false);
        transition(reporter.coordinator(), id, "assessing", null, null).statusCode(200);
        return id;
    }

    static String approve(String incident, String activation) {
        return given().auth().oauth2(JVC.coordinator()).contentType(ContentType.JSON).body(Map.of("note", "agreed"))
                .post("/api/v1/incidents/" + incident + "/activations/" + activation + "/approvals").then()
                .statusCode(200).body("status", equalTo("in-effect")).extract().path("id");
    }

    static ValidatableResponse change(String incident, JsonPath activation, Map<String, Object> term) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(term);
        body.put("reason", "Perpetrator video found on a member platform");
        body.put("version", activation.getLong("version"));
        return given().auth().oauth2(LINE.coordinator()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/incidents/" + incident + "/activations/" + activation.getString("id") + "/level-changes")
                .then();
    }

    static JsonPath activation(String incident) {
        return given().auth().oauth2(LINE.member()).get("/api/v1/incidents/" + incident).then().statusCode(200)
                .extract().jsonPath().setRootPath("activations[0]");
    }

    static List<JsonNode> timeline(String incident, String kind) {
        JsonNode items = given().auth().oauth2(TestTokens.secretariat()).queryParam("limit", 500)
                .get("/api/v1/incidents/" + incident + "/timeline").then().statusCode(200).extract().as(JsonNode.class)
                .path("items");
        List<JsonNode> out = new java.util.ArrayList<>();
        items.forEach(e -> {
            if (kind.equals(e.path("kind").asText())) {
                out.add(e.path("data"));
            }
        });
        return out;
    }

    /** GIFCT's 2025 version takes effect one day from now while the block runs; then again on 18 September 2025. */
    void before2025(Runnable block) {
        Db db = new Db(ds);
        assertEquals(1, db.exec("update protocol_version set effective_from = now() + interval '1 day' "
                + "where protocol_code = 'gifct-cip' and code = '2025'"));
        try {
            block.run();
        } finally {
            db.exec("update protocol_version set effective_from = '2025-09-18T00:00:00Z' "
                    + "where protocol_code = 'gifct-cip' and code = '2025'");
        }
    }

    @Test
    void aNewGifctActivationIsOfA2025TypeAndSaysItSharesHashes() {
        String id = assessing(LINE, "gifct-cip");
        String activation = activateType(LINE.coordinator(), id, "gifct-cip", "perpetrator-content-incident")
                .statusCode(201).contentType("application/json").body("protocol", equalTo("gifct-cip"))
                .body("protocolVersion", equalTo("2025")).body("vocabulary", equalTo("types"))
                .body("type", equalTo("perpetrator-content-incident")).body("level", nullValue())
                .body("sharesHashes", equalTo(true)).body("status", equalTo("pending-approval")).extract().path("id");
        approve(id, activation);
        given().auth().oauth2(JVC.member()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("status", equalTo("active")).body("activations[0].protocolVersion", equalTo("2025"))
                .body("activations[0].type", equalTo("perpetrator-content-incident"))
                .body("activations[0].sharesHashes", equalTo(true));

        JsonNode inEffect = timeline(id, "activation-in-effect").get(0);
        assertEquals("2025", inEffect.path("protocolVersion").asText());
        assertEquals("types", inEffect.path("vocabulary").asText());
        assertEquals("perpetrator-content-incident", inEffect.path("type").asText());
        assertTrue(inEffect.path("sharesHashes").asBoolean());
        assertFalse(inEffect.has("level"), inEffect.toString());

        for (World.Supporter s : List.of(LINE, JVC)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !Hooks.receivedOfType(s, id, "incident.activated").isEmpty());
            JsonNode data = Hooks.receivedOfType(s, id, "incident.activated").get(0).path("data");
            assertEquals("2025", data.path("protocolVersion").asText());
            assertEquals("perpetrator-content-incident", data.path("type").asText());
            assertTrue(data.path("sharesHashes").asBoolean());
        }

        // a type changes to another type of the same version; awareness shares no hashes
        JsonPath a = activation(id);
        change(id, a, Map.of("type", "awareness-communication")).statusCode(200)
                .body("type", equalTo("awareness-communication")).body("protocolVersion", equalTo("2025"))
                .body("sharesHashes", equalTo(false));
        JsonNode changed = timeline(id, "level-changed").get(0);
        assertEquals("types", changed.path("vocabulary").asText());
        assertEquals("perpetrator-content-incident", changed.path("from").asText());
        assertEquals("awareness-communication", changed.path("to").asText());
    }

    @Test
    void aLevelIsRefusedUnder2025AndATypeUnderLevelsNamingWhatIsAccepted() {
        String gifct = assessing(LINE, "gifct-cip");
        String ccscrp = assessing(NZ, "ccscrp");
        Db db = new Db(ds).quiet();
        String before = db.snapshot();
        activate(LINE.coordinator(), gifct, "gifct-cip", "content-incident-protocol").statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("errors[0].field", equalTo("level"))
                .body("errors[0].message", equalTo("gifct-cip version 2025 uses activation types, not levels: give "
                        + "type, one of " + TYPES_2025))
                .body("detail", containsString(TYPES_2025));
        activateType(LINE.coordinator(), gifct, "gifct-cip", "content-incident").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"))
                .body("errors[0].message", equalTo("content-incident is not a current activation type of gifct-cip "
                        + "version 2025; one of " + TYPES_2025));
        activate(LINE.coordinator(), gifct, "gifct-cip", null).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", equalTo("is required: gifct-cip version 2025 uses activation types, one of "
                        + TYPES_2025));
        activateType(NZ.coordinator(), ccscrp, "ccscrp", "perpetrator-content-incident").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"))
                .body("errors[0].message", equalTo("ccscrp version 2019 uses levels, not activation types: give level, "
                        + "one of awareness, coordinated-response, full-activation"));
        activateType(LINE.coordinator(), gifct, "gifct-cip", "Perpetrator Content Incident").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        assertEquals(before, db.snapshot());
        given().auth().oauth2(LINE.member()).get("/api/v1/incidents/" + gifct).then()
                .body("status", equalTo("assessing")).body("activations", equalTo(List.of()));
    }

    @Test
    void anOpen2021IncidentKeepsItsLevelsAfterThe2025VersionBecomesCurrent() {
        Instant from = Instant.now().minusSeconds(1);
        String[] incident = new String[1];
        before2025(() -> {
            given().auth().oauth2(LINE.member()).get("/api/v1/protocols/gifct-cip").then().statusCode(200)
                    .body("currentVersion", equalTo("2021")).body("vocabulary", equalTo("levels"))
                    .body("levels.code", equalTo(List.of("incident", "content-incident", "content-incident-protocol")))
                    .body("versions.current", equalTo(List.of(true, false)));
            incident[0] = assessing(LINE, "gifct-cip");
            // under 2021 a type is the wrong vocabulary
            activateType(LINE.coordinator(), incident[0], "gifct-cip", "perpetrator-content-incident").statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("type"))
                    .body("errors[0].message", equalTo("gifct-cip version 2021 uses levels, not activation types: "
                            + "give level, one of " + LEVELS_2021));
            String activation = activate(LINE.coordinator(), incident[0], "gifct-cip", "content-incident")
                    .statusCode(201).body("protocolVersion", equalTo("2021")).body("vocabulary", equalTo("levels"))
                    .body("level", equalTo("content-incident")).body("type", nullValue())
                    .body("sharesHashes", equalTo(true)).extract().path("id");
            approve(incident[0], activation);
        });
        String id = incident[0];
        given().auth().oauth2(LINE.member()).get("/api/v1/protocols/gifct-cip").then()
                .body("currentVersion", equalTo("2025"));

        // the incident opened under 2021 still answers with its level
        JsonPath a = activation(id);
        assertEquals("2021", a.getString("protocolVersion"));
        assertEquals("levels", a.getString("vocabulary"));
        assertEquals("content-incident", a.getString("level"));
        assertEquals(null, a.getString("type"));

        // and escalates within 2021: a 2025 type is refused, naming the 2021 levels, and changes nothing
        Db db = new Db(ds).quiet();
        String before = db.snapshot();
        change(id, a, Map.of("type", "perpetrator-content-incident")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"))
                .body("errors[0].message", equalTo("gifct-cip version 2021 uses levels, not activation types: give "
                        + "level, one of " + LEVELS_2021));
        change(id, a, Map.of("level", "full-activation")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", equalTo("full-activation is not a current level of gifct-cip version "
                        + "2021; one of " + LEVELS_2021));
        assertEquals(before, db.snapshot());
        change(id, a, Map.of("level", "content-incident-protocol")).statusCode(200)
                .body("protocolVersion", equalTo("2021")).body("vocabulary", equalTo("levels"))
                .body("level", equalTo("content-incident-protocol")).body("type", nullValue())
                .body("sharesHashes", equalTo(true));

        JsonNode inEffect = timeline(id, "activation-in-effect").get(0);
        assertEquals("2021", inEffect.path("protocolVersion").asText());
        assertEquals("content-incident", inEffect.path("level").asText());
        assertFalse(inEffect.has("type"), inEffect.toString());
        JsonNode changed = timeline(id, "level-changed").get(0);
        assertEquals("levels", changed.path("vocabulary").asText());
        assertEquals("content-incident", changed.path("from").asText());
        assertEquals("content-incident-protocol", changed.path("to").asText());
        for (World.Supporter s : List.of(LINE, JVC)) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> !Hooks.receivedOfType(s, id, "incident.level-changed").isEmpty());
            JsonNode data = Hooks.receivedOfType(s, id, "incident.level-changed").get(0).path("data");
            assertEquals("2021", data.path("protocolVersion").asText());
            assertEquals("content-incident-protocol", data.path("to").asText());
        }
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + id + "/timeline/verify").then()
                .statusCode(200).body("ok", equalTo(true));

        // a new incident meanwhile gets the 2025 types; the published figures keep the two apart
        String fresh = assessing(LINE, "gifct-cip");
        approve(fresh, activateType(LINE.coordinator(), fresh, "gifct-cip", "perpetrator-content-incident")
                .statusCode(201).extract().path("id"));
        JsonPath figures = given().auth().oauth2(TestTokens.withRoles("auditor")).queryParam("from", from.toString())
                .queryParam("to", Instant.now().plusSeconds(1).toString()).get("/api/v1/incidents/aggregates").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("2021", "2025"), figures.getList("activationsByProtocolAndLevel.protocolVersion"));
        assertEquals(List.of("levels", "types"), figures.getList("activationsByProtocolAndLevel.vocabulary"));
        assertEquals(List.of("content-incident-protocol", "perpetrator-content-incident"),
                figures.getList("activationsByProtocolAndLevel.level"));
        assertEquals(java.util.Arrays.asList(null, "perpetrator-content-incident"),
                figures.getList("activationsByProtocolAndLevel.type"));
    }
}
