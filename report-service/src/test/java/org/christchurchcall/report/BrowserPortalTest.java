package org.christchurchcall.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
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

/**
 * A government portal in a browser: it may call the API from the origin the deployment trusts
 * (test profile: https://portal.gov.example) and frame published reports on the sites named in
 * ccall.report.frame-ancestors (test profile: https://gov.example and 'self'); no other origin gets
 * either, and drafts are never framed.
 */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class BrowserPortalTest {

    static final String PORTAL = "https://portal.gov.example";

    @WireMockSources.Inject
    WireMockServer wm;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void sources() {
        breakers.resetAll();
        SourceStubs.allUp(wm);
    }

    @Test
    void aPreflightFromTheTrustedPortalIsAllowed() {
        given().header("Origin", PORTAL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/report-drafts").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PORTAL))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("authorization"))
                .header("Access-Control-Allow-Credentials", equalTo("false"));
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/report-drafts").then()
                // without Access-Control-Allow-Origin naming it, the browser does not send the request
                .header("Access-Control-Allow-Origin", nullValue());
        // nor may that origin read an answer
        given().header("Origin", "https://elsewhere.example").get("/api/v1/reports").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theTrustedPortalReadsResponsesAndTheirHeaders() {
        given().header("Origin", PORTAL).get("/api/v1/reports").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PORTAL))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"));
        // a refusal is readable too, so that the portal can show its detail
        given().header("Origin", PORTAL).get("/api/v1/report-drafts").then().statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo(PORTAL));
    }

    @Test
    void aPublishedReportMayBeFramedByTheConfiguredSitesAndADraftByNone() {
        JsonNode draft = Reports.createDraftOk("2023-08");
        String id = draft.get("id").asText();
        given().auth().oauth2(TestTokens.withRoles(Roles.SECRETARIAT)).get("/api/v1/report-drafts/" + id + "/report.html")
                .then().statusCode(200).header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        Reports.publish(id, draft.get("version").asLong(), null).then().statusCode(201);
        given().get("/api/v1/reports/2023-08/versions/1/report.html").then().statusCode(200)
                .header("Content-Security-Policy", containsString("; frame-ancestors https://gov.example 'self'"))
                .header("X-Frame-Options", nullValue());
    }

    @Test
    void anUnknownFieldOfADraftIsRefusedByName() {
        given().auth().oauth2(TestTokens.secretariat()).contentType("application/json")
                .body(Map.of("period", "2023-09", "title", "Transparency report")).post("/api/v1/report-drafts").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("is not a field of this request; the known fields are period"));
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/report-drafts").then().statusCode(200)
                .body("items.findAll { it.period == '2023-09' }.size()", equalTo(0));
    }

    @Test
    void forbiddenNamesTheRolesNeeded() {
        given().auth().oauth2(TestTokens.withRoles(Roles.SERVICE)).get("/api/v1/report-drafts").then().statusCode(403)
                .body("detail", equalTo("this needs one of the roles secretariat, auditor; the token carries service"));
    }
}
