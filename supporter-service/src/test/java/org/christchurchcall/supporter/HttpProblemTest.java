package org.christchurchcall.supporter;

import static io.restassured.RestAssured.given;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What the HTTP layer answers, always as problem+json, and the operations endpoints. */
@QuarkusTest
class HttpProblemTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void malformedJsonIsA400AndStoresNothing() {
        long before = count(ds, "supporter");
        problem(asSecretariat().body("{\"name\": \"Broken\",, \"type\": \"company\"}").post("/api/v1/supporters")
                .then(), 400).body("type", equalTo("urn:ccall:problem:malformed-body"));
        problem(asSecretariat().body("{\"name\": \"Broken\", \"type\": ").post("/api/v1/supporters").then(), 400)
                .body("type", equalTo("urn:ccall:problem:malformed-body"));
        problem(asSecretariat().body("[1, 2]").post("/api/v1/supporters").then(), 400);
        problem(asSecretariat().body("{\"name\": \"Typed\", \"type\": \"company\", \"country\": 5.5e3}")
                .post("/api/v1/supporters").then(), 400);
        assertEquals(before, count(ds, "supporter"));
    }

    @Test
    void unknownPathIs404() {
        problem(given().get("/api/v1/nothing-here").then(), 404).body("type", equalTo("urn:ccall:problem:not-found"));
        problem(asSecretariat().get("/api/v1/supporters/not-a-uuid").then(), 404);
    }

    @Test
    void wrongMethodIs405() {
        problem(asSecretariat().delete("/api/v1/commitments").then(), 405);
        problem(asSecretariat().put("/api/v1/audit-events").then(), 405);
        problem(given().get("/oauth2/token").then(), 405);
    }

    @Test
    void wrongContentTypeIs415() {
        long before = count(ds, "supporter");
        problem(given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.TEXT).body("name=x")
                .post("/api/v1/supporters").then(), 415);
        assertEquals(before, count(ds, "supporter"));
    }

    @Test
    void oversizedBodyIs413() {
        long before = count(ds, "supporter");
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"type\":\"company\"}";
        problem(asSecretariat().body(huge).post("/api/v1/supporters").then(), 413);
        assertEquals(before, count(ds, "supporter"));
    }

    @Test
    void operationsEndpointsServe() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("signing-keys"));
        given().get("/q/health/live").then().statusCode(200);
        given().contentType(ContentType.URLENC).auth().preemptive().basic("demo-company", "test-demo-company")
                .formParam("grant_type", "client_credentials").post("/oauth2/token").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("ccall_tokens_total"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/oauth2/token")).body(containsString("/api/v1/crisis-contacts"))
                .body(containsString("/api/v1/stocktakes/{id}/summary")).body(containsString("clientCredentials"));
    }
}
