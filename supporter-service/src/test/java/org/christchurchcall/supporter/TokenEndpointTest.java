package org.christchurchcall.supporter;

import static io.restassured.RestAssured.given;
import static org.christchurchcall.supporter.Fixtures.activeSupporter;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class TokenEndpointTest {

    record Credentials(String id, String secret, UUID clientUuid) {
    }

    /** A client of the supporter, which the secretariat granted the roles first. */
    static Credentials companyClient(UUID supporterId, String... roles) {
        Fixtures.grantRoles(supporterId, roles);
        JsonPath c = asSecretariat().body(Map.of("name", "Integration", "supporterId", supporterId, "roles",
                List.of(roles))).post("/api/v1/clients").then().statusCode(201).extract().jsonPath();
        return new Credentials(c.getString("clientId"), c.getString("clientSecret"),
                UUID.fromString(c.getString("id")));
    }

    static ValidatableResponse token(String id, String secret, String grantType, String scope) {
        var r = given().contentType(ContentType.URLENC).auth().preemptive().basic(id, secret);
        if (grantType != null) {
            r = r.formParam("grant_type", grantType);
        }
        if (scope != null) {
            r = r.formParam("scope", scope);
        }
        return r.post("/oauth2/token").then();
    }

    static ValidatableResponse refused(ValidatableResponse r, int status, String error) {
        return r.statusCode(status).contentType(ContentType.JSON).body("error", equalTo(error))
                .header("Cache-Control", "no-store");
    }

    @Test
    void validCredentialsGetAFifteenMinuteTokenThatVerifiesAgainstTheJwks() throws Exception {
        UUID company = activeSupporter("company");
        Credentials c = companyClient(company, Roles.MATCHER, Roles.HASH_CONTRIBUTOR);
        JsonPath answer = token(c.id(), c.secret(), "client_credentials", null).statusCode(200)
                .header("Cache-Control", "no-store").body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900)).extract().jsonPath();
        String jwt = answer.getString("access_token");

        JwtContext verified = Jwks.verify(jwt);
        JwtClaims claims = verified.getJwtClaims();
        assertEquals("test-key-1", Jwks.kid(verified));
        assertEquals("RS256", verified.getJoseObjects().get(0).getAlgorithmHeaderValue());
        assertEquals(c.id(), claims.getSubject());
        assertEquals(Set.of(Roles.COMPANY, Roles.HASH_CONTRIBUTOR, Roles.MATCHER),
                Set.copyOf(claims.getStringListClaimValue("groups")));
        assertEquals(company.toString(), claims.getStringClaimValue("supporter_id"));
        assertEquals("company", claims.getStringClaimValue("supporter_type"));
        assertNotNull(claims.getJwtId());
        assertEquals(900, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());

        // and this service accepts it like any other
        as(jwt).get("/api/v1/commitments/gov-1").then().statusCode(200);
        problem(as(jwt).body(Map.of("name", "x", "type", "company")).post("/api/v1/supporters").then(), 403);
        // a second token has its own id
        String again = token(c.id(), c.secret(), "client_credentials", null).statusCode(200).extract()
                .path("access_token");
        assertEquals(false, Jwks.verify(again).getJwtClaims().getJwtId().equals(claims.getJwtId()));
    }

    @Test
    void theJwksPublishesTheCurrentKey() {
        given().get("/.well-known/jwks.json").then().statusCode(200).contentType(ContentType.JSON)
                .body("keys", hasSize(1)).body("keys[0].kid", equalTo("test-key-1"))
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].use", equalTo("sig"))
                .body("keys[0].alg", equalTo("RS256")).body("keys[0].e", equalTo("AQAB"))
                .body("keys[0].n", notNullValue());
    }

    @Test
    void wrongOrMissingCredentialsAreInvalidClient() {
        UUID company = activeSupporter("company");
        Credentials c = companyClient(company);
        refused(token(c.id(), c.secret() + "x", "client_credentials", null), 401, "invalid_client")
                .header("WWW-Authenticate", containsString("Basic"));
        refused(token("cc-nobody", c.secret(), "client_credentials", null), 401, "invalid_client");
        refused(given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then(), 401, "invalid_client");
        refused(given().contentType(ContentType.URLENC).header("Authorization", "Basic !!!not-base64")
                .formParam("grant_type", "client_credentials").post("/oauth2/token").then(), 401, "invalid_client");
        refused(given().contentType(ContentType.URLENC).header("Authorization", "Bearer " + TestTokens.secretariat())
                .formParam("grant_type", "client_credentials").post("/oauth2/token").then(), 401, "invalid_client");
    }

    @Test
    void aRevokedClientIsRefusedAtOnce() {
        UUID company = activeSupporter("company");
        Credentials c = companyClient(company);
        token(c.id(), c.secret(), "client_credentials", null).statusCode(200);
        asSecretariat().body(Map.of("reason", "leaked")).post("/api/v1/clients/{id}/revoke", c.clientUuid()).then()
                .statusCode(200);
        refused(token(c.id(), c.secret(), "client_credentials", null), 401, "invalid_client");
    }

    @Test
    void clientsOfASupporterThatIsNotActiveGetNoToken() {
        UUID company = activeSupporter("company");
        Credentials c = companyClient(company);
        asSecretariat().body(Map.of("version", Fixtures.version(company), "reason", "investigation"))
                .post("/api/v1/supporters/{id}/suspend", company).then().statusCode(200);
        refused(token(c.id(), c.secret(), "client_credentials", null), 400, "unauthorized_client");
        asSecretariat().body(Map.of("version", Fixtures.version(company)))
                .post("/api/v1/supporters/{id}/reinstate", company).then().statusCode(200);
        token(c.id(), c.secret(), "client_credentials", null).statusCode(200);

        UUID applicant = Fixtures.applicant("government");
        Credentials early = companyClient(applicant);
        refused(token(early.id(), early.secret(), "client_credentials", null), 400, "unauthorized_client");
    }

    @Test
    void grantTypeAndScopeAreChecked() {
        UUID company = activeSupporter("company");
        Credentials c = companyClient(company, Roles.MATCHER, Roles.CRISIS_COORDINATOR);
        refused(token(c.id(), c.secret(), "password", null), 400, "unsupported_grant_type");
        refused(token(c.id(), c.secret(), "authorization_code", null), 400, "unsupported_grant_type");
        refused(token(c.id(), c.secret(), null, null), 400, "invalid_request");
        refused(token(c.id(), c.secret(), "client_credentials", "matcher secretariat"), 400, "invalid_scope");

        String narrow = token(c.id(), c.secret(), "client_credentials", "matcher").statusCode(200).extract()
                .path("access_token");
        assertEquals(Set.of(Roles.COMPANY, Roles.MATCHER), Set.copyOf(groups(narrow)));
    }

    @Test
    void aWithdrawnRoleLeavesTheNextTokenOfExistingClientsAndAGrantBringsItBack() {
        UUID company = activeSupporter("company");
        Credentials c = companyClient(company, Roles.MATCHER, Roles.HASH_CONTRIBUTOR, Roles.CRISIS_COORDINATOR);
        assertEquals(Set.of(Roles.COMPANY, Roles.MATCHER, Roles.HASH_CONTRIBUTOR, Roles.CRISIS_COORDINATOR),
                Set.copyOf(groups(token(c.id(), c.secret(), "client_credentials", null).statusCode(200).extract()
                        .path("access_token"))));

        asSecretariat().delete("/api/v1/supporters/{id}/entitlements/roles/{r}", company, Roles.CRISIS_COORDINATOR)
                .then().statusCode(204);
        String next = token(c.id(), c.secret(), "client_credentials", null).statusCode(200).extract()
                .path("access_token");
        assertEquals(Set.of(Roles.COMPANY, Roles.MATCHER, Roles.HASH_CONTRIBUTOR), Set.copyOf(groups(next)));
        // the client still lists the role, but cannot ask for it
        asSecretariat().get("/api/v1/clients/{id}", c.clientUuid()).then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.hasItem(Roles.CRISIS_COORDINATOR));
        refused(token(c.id(), c.secret(), "client_credentials", "crisis-coordinator"), 400, "invalid_scope");
        // and the supporter's own token cannot make a new client with it
        problem(as(TestTokens.forSupporter(company, Roles.COMPANY, Roles.MATCHER))
                .body(Map.of("name", "Back door", "roles", List.of(Roles.CRISIS_COORDINATOR))).post("/api/v1/clients")
                .then(), 403);

        Fixtures.grantRoles(company, Roles.CRISIS_COORDINATOR);
        assertEquals(Set.of(Roles.COMPANY, Roles.MATCHER, Roles.HASH_CONTRIBUTOR, Roles.CRISIS_COORDINATOR),
                Set.copyOf(groups(token(c.id(), c.secret(), "client_credentials", null).statusCode(200).extract()
                        .path("access_token"))));
    }

    @Test
    void aJsonBodyIsNotAcceptedByTheTokenEndpoint() {
        problem(given().contentType(ContentType.JSON).auth().preemptive().basic("a", "b")
                .body("{\"grant_type\":\"client_credentials\"}").post("/oauth2/token").then(), 415);
    }

    @Test
    void configuredServiceClientsGetServiceTokens() throws Exception {
        String jwt = token("protocol-service", "test-protocol-secret", "client_credentials", null).statusCode(200)
                .extract().path("access_token");
        JwtClaims claims = Jwks.verify(jwt).getJwtClaims();
        assertEquals(List.of(Roles.SERVICE), claims.getStringListClaimValue("groups"));
        assertNull(claims.getClaimValue("supporter_id"));
        as(jwt).get("/api/v1/crisis-contacts").then().statusCode(200);
        refused(token("protocol-service", "wrong", "client_credentials", null), 401, "invalid_client");
    }

    private static List<String> groups(String jwt) {
        try {
            return Jwks.verify(jwt).getJwtClaims().getStringListClaimValue("groups");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
