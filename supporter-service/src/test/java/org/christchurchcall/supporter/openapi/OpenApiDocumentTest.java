package org.christchurchcall.supporter.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Set;

import org.christchurchcall.platform.testing.OpenApiChecks;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document at /q/openapi, read by swagger-parser: every operation has a response
 * schema, a security requirement and examples, and every error is problem+json (OpenApiChecks).
 */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyOperationIsDocumented() {
        // the token issuer's own endpoints are public; the token endpoint answers RFC 6749 errors
        OpenApiChecks.parse(document(), Set.of("POST /oauth2/token", "GET /.well-known/jwks.json"))
                .otherErrorFormats(Set.of("POST /oauth2/token 400", "POST /oauth2/token 401"))
                .assertComplete();
    }

    @Test
    void tokensComeFromSupporterServiceByClientCredentials() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.oauth2.type", equalTo("oauth2"))
                .body("components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl",
                        org.hamcrest.Matchers.endsWith("/oauth2/token"));
    }

    @Test
    void theTokenResponseHasItsSchema() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/oauth2/token'.post.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/TokenResponse"))
                .body("components.schemas.TokenResponse.required",
                        org.hamcrest.Matchers.hasItems("access_token", "token_type", "expires_in"))
                .body("components.schemas.TokenResponse.properties.keySet()",
                        org.hamcrest.Matchers.hasItems("access_token", "token_type", "expires_in", "scope"));
    }

    static String document() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }
}
