package org.christchurchcall.report;

import static io.restassured.RestAssured.given;
import static org.christchurchcall.report.support.Reports.json;
import static org.christchurchcall.report.support.Reports.table;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.Rows;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.report.support.Reports;
import org.christchurchcall.report.support.SourceStubs;
import org.christchurchcall.report.support.WireMockSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** A source that is down: its figures are named as missing, never zero, and publishing needs an override. */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class MissingSourceTest {

    static final List<String> HASH_FIGURES = List.of("hashes-by-type", "hashes-by-label", "hashes-by-contributor-type",
            "hashes-by-status", "hashes-added-retracted", "hashes-added-by-type", "hash-feedback", "disputes",
            "dispute-outcomes", "matches-served", "matches-by-type");

    @WireMockSources.Inject
    WireMockServer wm;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    DataSource db;

    @BeforeEach
    void sources() {
        breakers.resetAll();
        SourceStubs.allUp(wm);
    }

    @Test
    void aSourceDownLeavesItsFiguresMissingNotZero() throws SQLException {
        SourceStubs.down(wm, SourceStubs.HASHES);
        JsonNode draft = Reports.createDraftOk("2021");
        List<String> missing = new ArrayList<>();
        draft.get("missing").forEach(m -> missing.add(m.get("figure").asText()));
        assertEquals(HASH_FIGURES, missing);
        draft.get("missing").forEach(m -> {
            assertEquals("hash-aggregates", m.get("source").asText());
            assertTrue(m.get("reason").asText().contains("hashmatch-service"), m.toString());
        });
        JsonNode content = draft.get("content");
        for (String figure : HASH_FIGURES) {
            JsonNode t = table(content, figure);
            assertTrue(t.get("rows").isNull(), figure + " has no rows at all, not zeros");
            assertTrue(t.get("missingReason").asText().contains("HTTP 503"), t.get("missingReason").asText());
        }
        assertFalse(table(content, "supporters-by-type").get("rows").isNull(), "other sources still count");
        JsonNode hashSource = content.get("sources").get(0);
        assertEquals("unavailable", hashSource.get("status").asText());
        assertEquals("ok", content.get("sources").get(1).get("status").asText());

        // the draft page names what is missing and shows no number for it
        String html = given().auth().oauth2(TestTokens.secretariat())
                .get("/api/v1/report-drafts/" + draft.get("id").asText() + "/report.html").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("11 figure(s) could not be obtained"));
        assertTrue(html.contains("data-missing-figure=\"hashes-by-type\">Not available: "));
        assertTrue(html.contains("data-key=\"hashes-total\" data-value=\"\">unknown</div>"), "unknown, never 0");
        assertFalse(html.contains("data-table=\"hashes-by-type\""));

        // publishing without an override is refused and changes nothing
        int before = count();
        Reports.publish(draft.get("id").asText(), draft.get("version").asLong(), null).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("hashes-by-type"))
                .body("detail", containsString("override"));
        Reports.publish(draft.get("id").asText(), draft.get("version").asLong(), "  ").then().statusCode(400);
        assertEquals(before, count());

        // with an explicit override the report states it
        String reason = "hashmatch-service was being migrated; its figures follow in version 2";
        JsonNode published = json(Reports.publish(draft.get("id").asText(), draft.get("version").asLong(), reason).then()
                .statusCode(201).extract().response());
        assertEquals(11, published.get("missingFigures").asInt());
        assertEquals(before + 1, count());
        JsonNode snapshot = json(given().get("/api/v1/reports/2021/versions/1").then().statusCode(200).extract().response())
                .get("snapshot");
        assertEquals(reason, snapshot.get("override").get("reason").asText());
        assertTrue(snapshot.get("override").get("statement").asText().startsWith("Published without 11 figure(s)"));
        assertEquals(11, snapshot.get("missing").size());
        given().get("/api/v1/reports/2021/versions/1/report.html").then().statusCode(200)
                .body(containsString("Published with missing figures."))
                .body(containsString(reason));
        given().get("/api/v1/reports/2021/versions/1/tables/hashes-by-type.csv").then().statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/v1/reports/2021/versions/1/tables/supporters-by-type.csv").then().statusCode(200);
    }

    @Test
    void anOverrideOnACompleteDraftIsRefused() throws SQLException {
        JsonNode draft = Reports.createDraftOk("2020");
        int before = count();
        Reports.publish(draft.get("id").asText(), draft.get("version").asLong(), "nothing is missing").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("override"));
        assertEquals(before, count());
    }

    @Test
    void aFigureAbsentFromAnAnswerIsMissingAloneAndUnknownValuesStayUnknown() {
        SourceStubs.incidents(wm, SourceStubs.fixture("incident-aggregates.json")
                .replace("\"incidentsByStatus\": {\"activated\": 1, \"concluded\": 2, \"reported\": 1},", "")
                .replace("\"activationToConclusionSeconds\": {\"count\": 2, \"min\": 88200.0, \"median\": 122400.0, \"mean\": 122400.0, \"max\": 156600.0}",
                        "\"activationToConclusionSeconds\": {\"count\": 0, \"min\": null, \"median\": null, \"mean\": null, \"max\": null}"));
        JsonNode draft = Reports.createDraftOk("2020-h2");
        assertEquals(1, draft.get("missing").size());
        assertEquals("incidents-by-status", draft.get("missing").get(0).get("figure").asText());
        assertEquals("protocol-service's answer has no incidentsByStatus", draft.get("missing").get(0).get("reason").asText());
        JsonNode times = table(draft.get("content"), "crisis-response-times").get("rows").get(5);
        assertEquals(json("{\"interval\":\"activation-to-conclusion\",\"incidents\":0,\"minSeconds\":null,"
                + "\"medianSeconds\":null,\"meanSeconds\":null,\"maxSeconds\":null}"), times);
    }

    @Test
    void noServiceTokenMeansEverySourceIsMissing() {
        wm.resetAll();
        SourceStubs.hashes(wm, SourceStubs.fixture("hash-aggregates.json"));
        // the token endpoint refuses the client: nothing can be fetched with a stale or no token
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/oauth2/token").willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(SourceStubs.HASHES)).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401)));
        JsonNode draft = Reports.createDraftOk("2020-q1");
        assertEquals(19, draft.get("missing").size(), draft.get("missing")::toString);
        draft.get("content").get("sources").forEach(s -> assertEquals("unavailable", s.get("status").asText()));
    }

    int count() {
        return (int) new Rows(db).count("published_report");
    }
}
