package org.christchurchcall.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.Rows;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.report.support.Reports;
import org.christchurchcall.report.support.SourceStubs;
import org.christchurchcall.report.support.WireMockSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Drafts need the secretariat (auditors may read); bad tokens get 401, other roles 403, bad input 400. */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class DraftSecurityTest {

    @WireMockSources.Inject
    WireMockServer wm;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    DataSource db;

    static String draftId;

    @BeforeEach
    void sources() {
        breakers.resetAll();
        SourceStubs.allUp(wm);
        if (draftId == null) {
            draftId = Reports.createDraftOk("2019-q3").get("id").asText();
        }
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(Arguments.of("none", null), Arguments.of("expired", TestTokens.expired(Roles.SECRETARIAT)),
                Arguments.of("other key", TestTokens.signedByOtherKey(Roles.SECRETARIAT)),
                Arguments.of("alg none", TestTokens.algNone(Roles.SECRETARIAT)),
                Arguments.of("wrong issuer", TestTokens.wrongIssuer(Roles.SECRETARIAT)),
                Arguments.of("wrong audience", TestTokens.wrongAudience(Roles.SECRETARIAT)),
                Arguments.of("garbage", "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void everyDraftEndpointRefusesABadToken(String kind, String token) throws SQLException {
        int drafts = count("report_draft");
        int published = count("published_report");
        for (Map.Entry<String, String> call : Map.of("POST", "/api/v1/report-drafts", "GET", "/api/v1/report-drafts",
                "GET ", "/api/v1/report-drafts/" + draftId, "GET  ", "/api/v1/report-drafts/" + draftId + "/report.html",
                "DELETE", "/api/v1/report-drafts/" + draftId, "POST ", "/api/v1/report-drafts/" + draftId + "/publish").entrySet()) {
            RequestSpecification req = given().contentType("application/json")
                    .body(call.getKey().startsWith("POST ") ? "{\"version\":0}" : "{\"period\":\"2019\"}");
            if (token != null) {
                req = req.auth().oauth2(token);
            }
            req.request(call.getKey().trim(), call.getValue()).then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer realm=\"ccall\""));
        }
        assertEquals(drafts, count("report_draft"));
        assertEquals(published, count("published_report"));
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SERVICE, Roles.AUDITOR })
    void onlyTheSecretariatGeneratesPublishesOrDiscards(String role) throws SQLException {
        String token = TestTokens.withRoles(role);
        int drafts = count("report_draft");
        int published = count("published_report");
        given().auth().oauth2(token).contentType("application/json").body("{\"period\":\"2019\"}")
                .post("/api/v1/report-drafts").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json").body("{\"version\":0}")
                .post("/api/v1/report-drafts/" + draftId + "/publish").then().statusCode(403);
        given().auth().oauth2(token).delete("/api/v1/report-drafts/" + draftId).then().statusCode(403);
        assertEquals(drafts, count("report_draft"));
        assertEquals(published, count("published_report"));
    }

    @ParameterizedTest
    @ValueSource(strings = { Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SERVICE })
    void draftsAreNotReadableByOtherRoles(String role) {
        String token = TestTokens.withRoles(role);
        given().auth().oauth2(token).get("/api/v1/report-drafts").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/report-drafts/" + draftId).then().statusCode(403);
        given().auth().oauth2(token).get("/api/v1/report-drafts/" + draftId + "/report.html").then().statusCode(403);
    }

    @Test
    void auditorsReadDrafts() {
        Reports.createDraftOk("2019-q4");
        String auditor = TestTokens.withRoles(Roles.AUDITOR);
        given().auth().oauth2(auditor).get("/api/v1/report-drafts/" + draftId).then().statusCode(200)
                .body("period", equalTo("2019-q3"));
        given().auth().oauth2(auditor).get("/api/v1/report-drafts?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", notNullValue());
        given().auth().oauth2(auditor).get("/api/v1/report-drafts/" + draftId + "/report.html").then().statusCode(200)
                .contentType("text/html");
    }

    @Test
    void draftListPagesWithACursor() {
        Reports.createDraftOk("2019-06");
        Reports.createDraftOk("2019-07");
        String token = TestTokens.secretariat();
        JsonNode first = Reports.json(given().auth().oauth2(token).get("/api/v1/report-drafts?limit=2").then().statusCode(200)
                .extract().response());
        String cursor = first.get("nextCursor").asText();
        JsonNode second = Reports.json(given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/report-drafts").then().statusCode(200).extract().response());
        assertEquals(2, first.get("items").size());
        second.get("items").forEach(i -> first.get("items").forEach(f -> org.junit.jupiter.api.Assertions
                .assertNotEquals(f.get("id"), i.get("id"))));
        given().auth().oauth2(token).get("/api/v1/report-drafts?cursor=bm9wZQ").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/report-drafts?limit=0").then().statusCode(400);
        given().auth().oauth2(token).get("/api/v1/report-drafts?limit=501").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"period\":\"2024-13\"}", "{\"period\":\"2018\"}", "{\"period\":\"2099\"}",
            "{\"period\":\"2024-q5\"}", "{\"period\":\"2024-03-15--2024-03-01\"}", "{\"period\":\"2024-02-30--2024-03-01\"}",
            "{\"period\":\"last year\"}", "{\"period\":\"\"}", "{\"period\":null}", "{}", "{\"period\":", "[]",
            "{\"period\":\"2024-h3\"}" })
    void badInputIsA400ProblemAndCreatesNothing(String body) throws SQLException {
        int drafts = count("report_draft");
        given().auth().oauth2(TestTokens.secretariat()).contentType("application/json").body(body)
                .post("/api/v1/report-drafts").then().statusCode(400).contentType("application/problem+json");
        assertEquals(drafts, count("report_draft"));
    }

    @Test
    void wrongMediaTypeAndUnknownDraft() throws SQLException {
        int drafts = count("report_draft");
        given().auth().oauth2(TestTokens.secretariat()).contentType("text/plain").body("2024")
                .post("/api/v1/report-drafts").then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/report-drafts/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/report-drafts/not-a-uuid").then().statusCode(404);
        assertEquals(drafts, count("report_draft"));
    }

    int count(String table) {
        return (int) new Rows(db).count(table);
    }
}
