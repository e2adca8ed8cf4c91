package org.christchurchcall.protocol.errors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.LinkedHashMap;
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

/**
 * Each refusal says what to fix: the token's actual fault with an RFC 6750 challenge, the roles an
 * endpoint needs, the state an incident must be in, the values a field accepts, the field a request
 * does not have, in the API's own field names.
 */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class ErrorMessagesTest {

    static final String INCIDENTS = "/api/v1/incidents";

    static io.restassured.response.ValidatableResponse listWith(String token) {
        return given().auth().oauth2(token).get(INCIDENTS).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void noTokenGetsABareChallengeAndSaysHowToSendOne() {
        given().get(INCIDENTS).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"ccall\""))
                .body("detail", containsString("Authorization: Bearer <token>"))
                .body("detail", containsString("/oauth2/token"));
    }

    @Test
    void anotherSchemeGetsABareChallengeNamingTheScheme() {
        given().header("Authorization", "Basic ZGVtbzpzZWNyZXQ=").get(INCIDENTS).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"ccall\""))
                .body("detail", containsString("not the Basic scheme"));
    }

    @Test
    void bearerWithoutATokenIsAnInvalidRequest() {
        given().header("Authorization", "Bearer ").get(INCIDENTS).then().statusCode(401)
                .header("WWW-Authenticate", allOf(containsString("error=\"invalid_request\""),
                        containsString("error_description=\"the Authorization header names the Bearer scheme")))
                .body("detail", containsString("carries no token"));
    }

    @Test
    void expiredTokenSaysWhenItExpired() {
        Instant exp = Instant.now().minusSeconds(1800);
        String token = TestTokens.builder().roles("secretariat").issuedAt(exp.minusSeconds(900)).expiresAt(exp).sign();
        listWith(token).header("WWW-Authenticate", allOf(startsWithBearer(), containsString("error=\"invalid_token\""),
                containsString("error_description=\"the token expired at")))
                .body("detail", containsString("the token expired at " + Instant.ofEpochSecond(exp.getEpochSecond())))
                .body("detail", containsString("at most 5 s past their exp"));
    }

    @Test
    void expIsHonouredWithAtMostFiveSecondsOfSkew() {
        Instant now = Instant.now();
        String justExpired = TestTokens.builder().roles("secretariat").issuedAt(now.minusSeconds(300))
                .expiresAt(now.minusSeconds(1)).sign();
        given().auth().oauth2(justExpired).get(INCIDENTS).then().statusCode(200);
        String expiredBeyondSkew = TestTokens.builder().roles("secretariat").issuedAt(now.minusSeconds(300))
                .expiresAt(now.minusSeconds(8)).sign();
        listWith(expiredBeyondSkew).body("detail", containsString("the token expired at"));
    }

    @Test
    void otherKeySaysTheSignatureDoesNotVerify() {
        listWith(TestTokens.signedByOtherKey("secretariat"))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", containsString("signature does not verify"))
                .body("detail", not(containsString("BEGIN")));
    }

    @Test
    void unknownKeyIdIsNamed() {
        listWith(TestTokens.builder().roles("secretariat").keyId("retired-key-7").sign())
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", containsString("signing key (kid 'retired-key-7') is not one the issuer publishes"));
    }

    @Test
    void wrongIssuerNamesBothIssuers() {
        listWith(TestTokens.wrongIssuer("secretariat"))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", containsString("issued by 'https://attacker.example'"))
                .body("detail", containsString("accepts tokens issued by '" + TestTokens.ISSUER + "'"));
    }

    @Test
    void wrongAudienceNamesBothAudiences() {
        listWith(TestTokens.wrongAudience("secretariat"))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", containsString("for audience 'some-other-api'"))
                .body("detail", containsString("accepts tokens for '" + TestTokens.AUDIENCE + "'"));
    }

    @Test
    void garbageSaysTheTokenIsNotAJwt() {
        listWith("not-a-jwt").header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", containsString("not a well-formed signed JWT"));
    }

    @Test
    void unsignedTokenSaysWhichAlgorithmIsAccepted() {
        listWith(TestTokens.algNone("secretariat")).header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", equalTo("the token's algorithm (alg) is 'none'; tokens must be signed with RS256; get a"
                        + " token with the client-credentials grant at the issuer's /oauth2/token"));
    }

    @Test
    void forbiddenNamesTheRolesNeededAndCarried() {
        String id = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        given().auth().oauth2(World.NZ.coordinator()).get(INCIDENTS + "/" + id + "/timeline/verify").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("this needs one of the roles secretariat, auditor; the token carries "
                        + "crisis-coordinator, government"));
    }

    @Test
    void activatingAReportedIncidentNamesTheStateItNeeds() {
        String id = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        Fixtures.activate(World.NZ.coordinator(), id, "ccscrp", "awareness").statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:ccall:problem:invalid-state"))
                .body("detail", equalTo("activating a protocol is not allowed while the incident is reported; it needs"
                        + " the incident to be assessing or active; from reported it can move to assessing"));
    }

    @Test
    void anIllegalTransitionNamesTheAllowedOnes() {
        String id = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        Fixtures.transition(World.NZ.coordinator(), id, "concluding", null, null).statusCode(409)
                .body("detail", equalTo("an incident cannot move from reported to concluding; from reported it can"
                        + " move to assessing"));
        Fixtures.transition(World.NZ.coordinator(), id, "assessing", null, null).statusCode(200);
        Fixtures.transition(World.NZ.coordinator(), id, "active", null, null).statusCode(409)
                .body("detail", containsString("POST /api/v1/incidents/{id}/activations"));
    }

    @Test
    void anUnknownStatusListsTheStatuses() {
        String id = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        Fixtures.transition(World.NZ.coordinator(), id, "closed", null, null).statusCode(400)
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].message", equalTo("must be one of reported, assessing, active, concluding, concluded,"
                        + " debriefed"));
        given().auth().oauth2(World.NZ.member()).queryParam("status", "open").get(INCIDENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("must be one of reported, assessing"));
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.report(List.of("ccscrp"), false));
        body.put("severity", "high");
        given().auth().oauth2(World.NZ.member()).contentType(ContentType.JSON).body(body).post(INCIDENTS).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].message", allOf(containsString("is not a field of this request"),
                        containsString("contentTypes"), containsString("occurredAt")))
                .body("detail", containsString("severity: is not a field"));
    }

    @Test
    void anUnknownNestedFieldIsNamedWithItsPath() {
        String id = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.activation("ccscrp", "awareness"));
        body.put("criteria", Map.of("ongoingEvent", true, "perpetratorProducedContent", true,
                "murderOrAttemptedMurder", true, "onOrSpreadingToMemberPlatforms", true, "viral", true));
        given().auth().oauth2(World.NZ.coordinator()).contentType(ContentType.JSON).body(body)
                .post(INCIDENTS + "/" + id + "/activations").then().statusCode(400)
                .body("errors[0].field", equalTo("criteria.viral"));
    }

    @Test
    void aListElementIsNamedByItsIndex() {
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.report(List.of("ccscrp"), false));
        body.put("contentTypes", List.of("video", "hologram"));
        given().auth().oauth2(World.NZ.member()).contentType(ContentType.JSON).body(body).post(INCIDENTS).then()
                .statusCode(400).body("errors[0].field", equalTo("contentTypes[1]"))
                .body("errors[0].message", containsString("must be one of video, livestream"));
    }

    @Test
    void aWrongTypeSaysWhatTheFieldTakes() {
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.report(List.of("ccscrp"), false));
        body.put("occurredAt", "yesterday");
        given().auth().oauth2(World.NZ.member()).contentType(ContentType.JSON).body(body).post(INCIDENTS).then()
                .statusCode(400).body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", equalTo("must be an ISO 8601 instant such as 2026-03-15T01:40:00Z"))
                .body("correlationId", nullValue());
    }

    private static org.hamcrest.Matcher<String> startsWithBearer() {
        return org.hamcrest.Matchers.startsWith("Bearer realm=\"ccall\", ");
    }
}
