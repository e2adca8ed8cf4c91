package org.christchurchcall.protocol.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.platform.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Drives the API the way a portal would, for tests that need an incident in some state. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> report(List<String> protocols, boolean exercise) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Livestreamed attack " + UUID.randomUUID().toString().substring(0, 8));
        body.put("description", "A gunman livestreamed an attack; copies are spreading.");
        body.put("occurredAt", Instant.now().minus(20, ChronoUnit.MINUTES).toString());
        body.put("location", "Christchurch, New Zealand");
        body.put("contentUrls", List.of("https://video.example/watch?v=abc", "https://mirror.example/x.mp4"));
        body.put("platforms", List.of("video.example", "mirror.example"));
        body.put("contentTypes", List.of("livestream", "video"));
        body.put("protocols", protocols);
        body.put("exercise", exercise);
        return body;
    }

    public static String reportIncident(String token, List<String> protocols, boolean exercise) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(report(protocols, exercise))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    public static long version(String incidentId) {
        return given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + incidentId).then()
                .statusCode(200).extract().jsonPath().getLong("version");
    }

    public static ValidatableResponse transition(String token, String incidentId, String to, String rationale,
            String review) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("version", version(incidentId));
        if (rationale != null) {
            body.put("rationale", rationale);
        }
        if (review != null) {
            body.put("review", review);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/incidents/" + incidentId + "/transitions").then();
    }

    public static Map<String, Object> activation(String protocol, String level) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("protocol", protocol);
        body.put("level", level);
        body.put("criteria", Map.of("ongoingEvent", true, "perpetratorProducedContent", true,
                "murderOrAttemptedMurder", true, "onOrSpreadingToMemberPlatforms", true));
        body.put("decision", "Perpetrator video is spreading across member platforms.");
        return body;
    }

    public static ValidatableResponse activate(String token, String incidentId, String protocol, String level) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(activation(protocol, level))
                .post("/api/v1/incidents/" + incidentId + "/activations").then();
    }

    /** An activation request naming an activation type (a protocol version with types, e.g. GIFCT's 2025). */
    public static Map<String, Object> activationOfType(String protocol, String type) {
        Map<String, Object> body = activation(protocol, null);
        body.remove("level");
        body.put("type", type);
        return body;
    }

    public static ValidatableResponse activateType(String token, String incidentId, String protocol, String type) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(activationOfType(protocol, type))
                .post("/api/v1/incidents/" + incidentId + "/activations").then();
    }

    /** An incident reported by New Zealand, assessed, and with ccscrp in effect. */
    public static String activeIncident(String protocol, String level, boolean exercise) {
        String id = reportIncident(World.NZ.member(), List.of(protocol), exercise);
        transition(World.NZ.coordinator(), id, "assessing", null, null).statusCode(200);
        activate(World.NZ.coordinator(), id, protocol, level).statusCode(201);
        return id;
    }
}
