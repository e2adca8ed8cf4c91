package org.christchurchcall.protocol.aggregate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class IncidentAggregatesTest {

    JsonPath aggregates(Instant from, Instant to) {
        return given().auth().oauth2(TestTokens.withRoles("auditor")).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/incidents/aggregates").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void publishedFiguresLeaveExercisesOutAndCountThem() {
        Instant from = Instant.now().minusSeconds(1);
        String live = Fixtures.activeIncident("eu-crisis-protocol", "crisis", false);
        Fixtures.activeIncident("eu-crisis-protocol", "crisis", true);
        Fixtures.reportIncident(World.FR.member(), List.of("eu-crisis-protocol"), false);
        // wait for the alerts to be delivered, then have the EC acknowledge the live one
        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(TestTokens.secretariat())
                .get("/api/v1/incidents/" + live + "/participants").then().extract().jsonPath()
                .getList("items.firstDeliveredAt").stream().allMatch(v -> v != null));
        given().auth().oauth2(World.EC.member()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/incidents/" + live + "/acknowledgements").then().statusCode(201);
        Instant to = Instant.now().plusSeconds(1);

        JsonPath a = aggregates(from, to);
        assertEquals(2, a.getInt("incidents"));
        assertEquals(1, a.getInt("activatedIncidents"));
        assertEquals(1, a.getInt("exercisesExcluded"));
        assertEquals(1, a.getInt("incidentsByStatus.active"));
        assertEquals(1, a.getInt("incidentsByStatus.reported"));
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("protocol", "eu-crisis-protocol");
        row.put("protocolVersion", "2019");
        row.put("vocabulary", "levels");
        row.put("level", "crisis");
        row.put("type", null);
        row.put("activations", 1);
        assertEquals(List.of(row), a.getList("activationsByProtocolAndLevel"));
        assertEquals(1, a.getInt("timings.reportToActivationSeconds.count"));
        assertEquals(1, a.getInt("timings.activationToFirstDeliverySeconds.count"));
        assertEquals(1, a.getInt("timings.activationToFirstAcknowledgementSeconds.count"));
        assertTrue(a.getDouble("timings.activationToLastAcknowledgementSeconds.max")
                >= a.getDouble("timings.activationToFirstDeliverySeconds.min"));
        assertEquals(0, a.getInt("timings.activationToConclusionSeconds.count"));

        given().auth().oauth2(TestTokens.withRoles("service")).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/incidents/aggregates").then().statusCode(200)
                .body("generatedAt", notNullValue());
        given().auth().oauth2(TestTokens.secretariat()).queryParam("from", "2019-01-01T00:00:00Z")
                .queryParam("to", to.toString()).get("/api/v1/incidents/aggregates").then().statusCode(200)
                .body("incidents", greaterThanOrEqualTo(2));
    }

    @Test
    void badRangesAreRefused() {
        for (Map<String, String> q : List.of(Map.of("to", "2026-01-01T00:00:00Z"), Map.of("from", "2026-01-01T00:00:00Z"),
                Map.of("from", "yesterday", "to", "2026-01-01T00:00:00Z"),
                Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z"),
                Map.of("from", "1990-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))) {
            given().auth().oauth2(TestTokens.withRoles("auditor")).queryParams(q).get("/api/v1/incidents/aggregates")
                    .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        }
    }
}
