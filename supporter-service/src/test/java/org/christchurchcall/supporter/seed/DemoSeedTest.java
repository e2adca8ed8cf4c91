package org.christchurchcall.supporter.seed;

import static io.restassured.RestAssured.given;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.supporter.Jwks;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The test profile enables the demo register, as bin/ccall up does. */
@QuarkusTest
class DemoSeedTest {

    @Inject
    StartupSeeds seeds;

    @Inject
    AgroalDataSource ds;

    @Test
    void theDemoSupportersAreActive() {
        List<Map<String, Object>> all = as(TestTokens.withRoles(Roles.MATCHER)).queryParam("limit", 500)
                .get("/api/v1/supporters").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Map<String, Object>> byName = all.stream()
                .collect(Collectors.toMap(s -> (String) s.get("name"), s -> s, (a, b) -> a));
        for (StartupSeeds.DemoSupporter d : StartupSeeds.DEMO_SUPPORTERS) {
            Map<String, Object> s = byName.get(d.name());
            assertEquals("active", s.get("status"), d.name());
            assertEquals(d.type().code(), s.get("type"));
            assertEquals(d.country(), s.get("country"));
        }
        assertEquals("2019-05-15", byName.get("New Zealand").get("joinedOn"));
    }

    @Test
    void theDemoClientsGetTokensWithTheirRoles() throws Exception {
        JwtClaims company = claims("demo-company", "test-demo-company");
        assertEquals(Set.of(Roles.COMPANY, Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR, Roles.MATCHER),
                Set.copyOf(company.getStringListClaimValue("groups")));
        String line = as(TestTokens.secretariat()).get("/api/v1/supporters/{id}", company.getStringClaimValue(
                "supporter_id")).then().statusCode(200).extract().path("name");
        assertEquals("LINE Corporation", line);

        JwtClaims government = claims("demo-government", "test-demo-government");
        assertEquals(Set.of(Roles.GOVERNMENT, Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR, Roles.MATCHER),
                Set.copyOf(government.getStringListClaimValue("groups")));
        assertEquals("government", government.getStringClaimValue("supporter_type"));

        JwtClaims secretariat = claims("demo-secretariat", "test-demo-secretariat");
        assertEquals(Set.of(Roles.SECRETARIAT, Roles.AUDITOR), Set.copyOf(secretariat.getStringListClaimValue("groups")));
    }

    @Test
    void theDemoGovernmentAndCompanyHoldTheirGrants() {
        for (String[] client : List.of(new String[] { "demo-government", "test-demo-government" },
                new String[] { "demo-company", "test-demo-company" })) {
            String token = token(client[0], client[1]);
            String supporter = claimsOf(token).getClaimValueAsString("supporter_id");
            as(token).get("/api/v1/supporters/{id}/entitlements", supporter).then().statusCode(200)
                    .body("roles", equalTo(List.of(Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR, Roles.MATCHER)))
                    .body("protocols", equalTo(List.of("ccscrp", "eu-crisis-protocol", "gifct-cip")))
                    .body("grants.grantedBy", everyItem(equalTo("system")));
        }
    }

    @Test
    void seedingAgainChangesNothing() {
        long supporters = count(ds, "supporter");
        long clients = count(ds, "api_client");
        long grants = count(ds, "entitlement");
        long events = count(ds, "audit_event");
        seeds.seed();
        assertEquals(supporters, count(ds, "supporter"));
        assertEquals(clients, count(ds, "api_client"));
        assertEquals(grants, count(ds, "entitlement"));
        assertEquals(events, count(ds, "audit_event"));
    }

    private static JwtClaims claims(String id, String secret) {
        return claimsOf(token(id, secret));
    }

    private static String token(String id, String secret) {
        return given().contentType(ContentType.URLENC).auth().preemptive().basic(id, secret)
                .formParam("grant_type", "client_credentials").post("/oauth2/token").then().statusCode(200).extract()
                .path("access_token");
    }

    private static JwtClaims claimsOf(String jwt) {
        return Jwks.verify(jwt).getJwtClaims();
    }
}
