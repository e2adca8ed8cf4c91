package org.christchurchcall.supporter.quota;

import static io.restassured.RestAssured.given;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.supporter.Fixtures;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The platform's per-client quotas, with limits low enough to reach in a test. */
@QuarkusTest
@TestProfile(QuotaTest.LowQuotas.class)
class QuotaTest {

    public static class LowQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccall.quota.read", "1000", "ccall.quota.write", "3", "ccall.quota.upload", "2",
                    "ccall.quota.period", "PT1H",
                    "ccall.quota.roles.service.read", "2000", "ccall.quota.roles.service.write", "6",
                    "ccall.quota.roles.service.upload", "4");
        }
    }

    @Inject
    AgroalDataSource ds;

    static Map<String, Object> supporter() {
        return Map.of("name", Fixtures.uniqueName("Quota"), "type", "company", "country", "JP");
    }

    @Test
    void aClientOverItsWriteQuotaGets429WithRateLimitHeadersWhileItsReadsGoOn() {
        String writer = TestTokens.builder().subject("quota-writer-" + UUID.randomUUID()).roles(Roles.SECRETARIAT)
                .sign();
        for (int remaining = 2; remaining >= 0; remaining--) {
            as(writer).body(supporter()).post("/api/v1/supporters").then().statusCode(201)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(remaining));
        }
        long before = count(ds, "supporter");
        Response refused = as(writer).body(supporter()).post("/api/v1/supporters");
        problem(refused.then(), 429).body("type", equalTo("urn:ccall:problem:too-many-requests"))
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "0");
        long reset = Long.parseLong(refused.header("RateLimit-Reset"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // one request comes back every 20 minutes of the hour; all three by the end of it
        assertTrue(retryAfter > 0 && retryAfter <= 1200, "Retry-After " + retryAfter);
        assertTrue(reset >= retryAfter && reset <= 3600, "RateLimit-Reset " + reset);
        assertEquals(before, count(ds, "supporter"), "the refused write changed nothing");

        as(writer).get("/api/v1/supporters").then().statusCode(200).header("RateLimit-Limit", "1000")
                .header("RateLimit-Remaining", "999");
        // another client's writes are its own
        as(TestTokens.secretariat()).body(supporter()).post("/api/v1/supporters").then().statusCode(201)
                .header("RateLimit-Remaining", "2");
    }

    @Test
    void serviceClientsHaveTheirOwnHigherQuota() {
        as(TestTokens.withRoles(Roles.SERVICE)).get("/api/v1/crisis-contacts").then().statusCode(200)
                .header("RateLimit-Limit", "2000");
        as(TestTokens.withRoles(Roles.AUDITOR)).get("/api/v1/commitments").then().statusCode(200)
                .header("RateLimit-Limit", "1000");
    }

    @Test
    void healthMetricsTheTokenEndpointAndAnonymousCallersAreNotCounted() {
        given().get("/q/health/ready").then().statusCode(200).header("RateLimit-Limit", nullValue());
        given().get("/q/metrics").then().statusCode(200).header("RateLimit-Limit", nullValue());
        given().get("/.well-known/jwks.json").then().statusCode(200).header("RateLimit-Limit", nullValue());
        given().contentType(ContentType.URLENC).auth().preemptive().basic("demo-company", "test-demo-company")
                .formParam("grant_type", "client_credentials").post("/oauth2/token").then().statusCode(200)
                .header("RateLimit-Limit", nullValue());
        problem(given().get("/api/v1/supporters").then(), 401).header("RateLimit-Limit", nullValue());
        problem(given().auth().oauth2(TestTokens.expired(Roles.SECRETARIAT)).get("/api/v1/supporters").then(), 401)
                .header("RateLimit-Limit", nullValue());
    }

    @Test
    void theOpenApiDocumentShowsThe429OnApiOperationsOnly() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/supporters'.post.responses.'429'.description", containsString("quota"))
                .body("paths.'/api/v1/supporters'.get.responses.'429'.headers", hasKey("RateLimit-Remaining"))
                .body("paths.'/oauth2/token'.post.responses.'429'.description", containsString("failed client"));
    }

    @Test
    void theQuotaMetricCountsRefusals() {
        String writer = TestTokens.builder().subject("quota-metric-" + UUID.randomUUID()).roles(Roles.SECRETARIAT)
                .sign();
        for (int i = 0; i < 3; i++) {
            as(writer).body(supporter()).post("/api/v1/supporters").then().statusCode(201);
        }
        problem(as(writer).body(supporter()).post("/api/v1/supporters").then(), 429);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ccall_quota_rejected_total{")
                && l.contains("class=\"write\"") && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1),
                metrics);
    }
}
