package org.christchurchcall.supporter.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Set;

import org.christchurchcall.platform.testing.OpenApiDocumentTestBase;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** This service's OpenAPI document is complete (OpenApiDocumentTestBase), and its token response has a schema. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentTestBase {

    /** The token issuer's own endpoints are public; the token endpoint answers RFC 6749 errors. */
    @Override
    protected Set<String> publicOperations() {
        return Set.of("POST /oauth2/token", "GET /.well-known/jwks.json");
    }

    @Override
    protected Set<String> otherErrorFormats() {
        return Set.of("POST /oauth2/token 400", "POST /oauth2/token 401");
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
}
