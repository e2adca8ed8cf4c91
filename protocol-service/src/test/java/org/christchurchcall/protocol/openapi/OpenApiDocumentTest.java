package org.christchurchcall.protocol.openapi;

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
        OpenApiChecks.parse(document(), Set.of()).assertComplete();
    }

    @Test
    void tokensComeFromSupporterServiceByClientCredentials() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.oauth2.type", equalTo("oauth2"))
                .body("components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl",
                        org.hamcrest.Matchers.endsWith("/oauth2/token"));
    }

    static String document() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }
}
