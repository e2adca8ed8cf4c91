package org.christchurchcall.supporter;

import static io.restassured.RestAssured.given;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A rotation in progress: new tokens are signed with the next key (test-key-2) while the
 * previous key (test-key-1) is still published, so tokens it signed keep verifying.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotation.class)
class KeyRotationTest {

    public static class Rotation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ccall.signing.key-location", "rotation/next-signing-key.pem",
                    "ccall.signing.key-id", "test-key-2",
                    "ccall.signing.previous-keys", "test-key-1=test-keys/signing-key.pub.pem",
                    // what this service trusts: the same two keys, as its own JWKS publishes them
                    "ccall.token.jwks-location", "rotation/jwks.json");
        }
    }

    @Test
    void bothKeysArePublishedWithTheirKids() throws IOException {
        JsonPath served = given().get("/.well-known/jwks.json").then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.List.of("test-key-2", "test-key-1"), served.getList("keys.kid"));
        JsonPath expected;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("rotation/jwks.json")) {
            expected = JsonPath.from(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(expected.getList("keys.n"), served.getList("keys.n"));
    }

    @Test
    void newTokensUseTheNextKeyAndVerify() {
        String jwt = given().contentType(ContentType.URLENC).auth().preemptive()
                .basic("demo-company", "test-demo-company").formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
        JwtContext verified = Jwks.verify(jwt);
        assertEquals("test-key-2", Jwks.kid(verified));
        as(jwt).get("/api/v1/commitments/gov-1").then().statusCode(200);
    }

    @Test
    void tokensSignedByThePreviousKeyStillVerify() {
        String old = TestTokens.withRoles(Roles.SECRETARIAT);
        assertEquals("test-key-1", Jwks.kid(Jwks.verify(old)));
        as(old).get("/api/v1/audit-events").then().statusCode(200);
        as(old).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'signing-keys' }.data.publishedKids", equalTo("test-key-2,test-key-1"));
    }
}
