package org.christchurchcall.report.openapi;

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

    /** Published reports are public by design: anyone may read and re-check them without a token. */
    static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/reports",
            "GET /api/v1/reports/{period}",
            "GET /api/v1/reports/{period}/latest",
            "GET /api/v1/reports/{period}/latest/{rest}",
            "GET /api/v1/reports/{period}/versions/{version}",
            "GET /api/v1/reports/{period}/versions/{version}/canonical.json",
            "GET /api/v1/reports/{period}/versions/{version}/report.html",
            "GET /api/v1/reports/{period}/versions/{version}/tables.zip",
            "GET /api/v1/reports/{period}/versions/{version}/tables/{figure}.csv",
            "GET /api/v1/reports/{period}/versions/{version}/changes");

    @Test
    void everyOperationIsDocumented() {
        OpenApiChecks.parse(document(), PUBLIC).assertComplete();
    }

    @Test
    void tokensComeFromSupporterServiceByClientCredentials() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.oauth2.type", equalTo("oauth2"))
                .body("components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl",
                        org.hamcrest.Matchers.endsWith("/oauth2/token"));
    }

    /** The document; also left in target/openapi.json, so that a failing run leaves it to read. */
    static String document() {
        String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), json);
        } catch (java.io.IOException e) {
            // only a convenience
        }
        return json;
    }
}
