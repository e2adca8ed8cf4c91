package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.activeSupporter;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.christchurchcall.supporter.Fixtures.grantRoles;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.christchurchcall.supporter.Fixtures.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ApiClientTest {

    @Inject
    AgroalDataSource ds;

    static Map<String, Object> client(String name, UUID supporterId, String... roles) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("supporterId", supporterId);
        m.put("roles", List.of(roles));
        return m;
    }

    @Test
    void theSecretariatCreatesAnyClientAndTheSecretIsShownOnceAndStoredAsBcrypt() throws SQLException {
        JsonPath created = asSecretariat().body(client("Audit office", null, Roles.AUDITOR)).post("/api/v1/clients")
                .then().statusCode(201).body("roles", equalTo(List.of(Roles.AUDITOR)))
                .body("clientSecret", notNullValue()).body("clientId", notNullValue()).extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("clientSecret");
        asSecretariat().get("/api/v1/clients/{id}", id).then().statusCode(200).body("$", not(hasKey("clientSecret")))
                .body("name", equalTo("Audit office"));
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select secret_hash from api_client where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String hash = rs.getString(1);
                assertTrue(hash.startsWith("$2"), "a bcrypt hash");
                assertTrue(!hash.contains(secret) && BcryptUtil.matches(secret, hash));
            }
        }
        UUID gov = activeSupporter("government");
        grantRoles(gov, Roles.CRISIS_COORDINATOR, Roles.MATCHER);
        asSecretariat().body(client("Ministry integration", gov, Roles.CRISIS_COORDINATOR, Roles.MATCHER))
                .post("/api/v1/clients").then().statusCode(201)
                .body("roles", equalTo(List.of(Roles.GOVERNMENT, Roles.CRISIS_COORDINATOR, Roles.MATCHER)))
                .body("supporterId", equalTo(gov.toString()));
    }

    @Test
    void aSupporterCreatesClientsForItselfWithinWhatItsTypeAllows() {
        UUID company = activeSupporter("company");
        grantRoles(company, Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.CRISIS_COORDINATOR);
        String own = tokenFor(company, Roles.COMPANY);
        as(own).body(client("Moderation pipeline", null, Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.CRISIS_COORDINATOR))
                .post("/api/v1/clients").then().statusCode(201).body("supporterId", equalTo(company.toString()))
                .body("roles", equalTo(List.of(Roles.COMPANY, Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR,
                        Roles.MATCHER)));

        long before = count(ds, "api_client");
        for (String wider : List.of(Roles.SECRETARIAT, Roles.SERVICE, Roles.AUDITOR, Roles.GOVERNMENT, "root")) {
            problem(as(own).body(client("Escalation", company, wider)).post("/api/v1/clients").then(), 400)
                    .body("errors[0].field", equalTo("roles"));
        }
        UUID civil = activeSupporter("civil-society");
        problem(as(tokenFor(civil, Roles.CIVIL_SOCIETY)).body(client("Matcher", null, Roles.MATCHER))
                .post("/api/v1/clients").then(), 400);
        problem(asSecretariat().body(client("Mixed", null, Roles.SECRETARIAT, Roles.COMPANY)).post("/api/v1/clients")
                .then(), 400);
        problem(asSecretariat().body(client("Nothing", null)).post("/api/v1/clients").then(), 400);
        problem(asSecretariat().body(client(" ", null, Roles.AUDITOR)).post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("name"));
        problem(asSecretariat().body(client("Ghost", UUID.randomUUID(), Roles.MATCHER)).post("/api/v1/clients").then(),
                400).body("errors[0].field", equalTo("supporterId"));
        assertEquals(before, count(ds, "api_client"));
    }

    @Test
    void nobodyElseCreatesClientsForASupporter() {
        UUID company = activeSupporter("company");
        String existing = asSecretariat().body(client("Existing", company)).post("/api/v1/clients").then()
                .statusCode(201).extract().path("id");
        long before = count(ds, "api_client");
        problem(as(tokenFor(UUID.randomUUID(), Roles.COMPANY)).body(client("Takeover", company, Roles.MATCHER))
                .post("/api/v1/clients").then(), 403);
        for (String role : List.of(Roles.AUDITOR, Roles.SERVICE, Roles.MATCHER, Roles.CRISIS_COORDINATOR)) {
            problem(as(TestTokens.withRoles(role)).body(client("Takeover", company, Roles.MATCHER))
                    .post("/api/v1/clients").then(), 403);
            problem(as(TestTokens.withRoles(role)).get("/api/v1/clients").then(), 403);
            problem(as(TestTokens.withRoles(role)).get("/api/v1/clients/{id}", existing).then(), 403);
            problem(as(TestTokens.withRoles(role)).body(Map.of()).post("/api/v1/clients/{id}/revoke", existing).then(),
                    403);
        }
        asSecretariat().get("/api/v1/clients/{id}", existing).then().statusCode(200).body("revokedAt",
                org.hamcrest.Matchers.nullValue());
        assertEquals(before, count(ds, "api_client"));
    }

    @Test
    void supportersSeeAndRevokeOnlyTheirOwnClients() {
        UUID a = activeSupporter("government");
        UUID b = activeSupporter("government");
        String tokenA = tokenFor(a, Roles.GOVERNMENT);
        grantRoles(a, Roles.MATCHER);
        String clientA = as(tokenA).body(client("A's client", null, Roles.MATCHER)).post("/api/v1/clients").then()
                .statusCode(201).extract().path("id");
        String clientB = as(tokenFor(b, Roles.GOVERNMENT)).body(client("B's client", null)).post("/api/v1/clients")
                .then().statusCode(201).extract().path("id");

        as(tokenA).queryParam("limit", 500).get("/api/v1/clients").then().statusCode(200)
                .body("items.supporterId", everyItem(equalTo(a.toString()))).body("items.id", hasItem(clientA))
                .body("items", everyItem(not(hasKey("clientSecret"))));
        problem(as(tokenA).queryParam("supporterId", b).get("/api/v1/clients").then(), 403);
        problem(as(tokenA).get("/api/v1/clients/{id}", clientB).then(), 404);
        problem(as(tokenA).body(Map.of("reason", "mine now")).post("/api/v1/clients/{id}/revoke", clientB).then(), 404);
        asSecretariat().queryParam("supporterId", b).get("/api/v1/clients").then().statusCode(200)
                .body("items.id", equalTo(List.of(clientB)));
        String next = asSecretariat().queryParam("limit", 1).get("/api/v1/clients").then().statusCode(200)
                .extract().path("nextCursor");
        asSecretariat().queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/clients").then()
                .statusCode(200);

        as(tokenA).body(Map.of("reason", "key rotation")).post("/api/v1/clients/{id}/revoke", clientA).then()
                .statusCode(200).body("revokedAt", notNullValue()).body("revokedReason", equalTo("key rotation"));
        problem(as(tokenA).body(Map.of()).post("/api/v1/clients/{id}/revoke", clientA).then(), 409);
        asSecretariat().body(Map.of()).post("/api/v1/clients/{id}/revoke", clientB).then().statusCode(200);
    }

    @Test
    void aSupporterCreatesClientsOnlyWithTheRolesItWasGranted() {
        UUID company = activeSupporter("company");
        grantRoles(company, Roles.MATCHER);
        String own = tokenFor(company, Roles.COMPANY);
        long before = count(ds, "api_client");
        for (String ungranted : List.of(Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR)) {
            problem(as(own).body(client("Escalation", null, Roles.MATCHER, ungranted)).post("/api/v1/clients").then(),
                    403).body("detail", containsString("'" + ungranted + "' was not granted"))
                    .body("errors[0].field", equalTo("roles"));
            // the secretariat cannot hand it out on a client either: it grants the supporter first
            problem(asSecretariat().body(client("Escalation", company, ungranted)).post("/api/v1/clients").then(), 403)
                    .body("detail", containsString(ungranted));
        }
        assertEquals(before, count(ds, "api_client"));
        as(own).body(client("Matcher", null, Roles.MATCHER)).post("/api/v1/clients").then().statusCode(201)
                .body("roles", equalTo(List.of(Roles.COMPANY, Roles.MATCHER)));
        as(own).body(client("Reader", null)).post("/api/v1/clients").then().statusCode(201)
                .body("roles", equalTo(List.of(Roles.COMPANY)));
    }

    @Test
    void aWithdrawnSupporterGetsNoNewClients() {
        UUID s = activeSupporter("company");
        asSecretariat().body(Map.of("version", Fixtures.version(s), "reason", "left"))
                .post("/api/v1/supporters/{id}/withdraw", s).then().statusCode(200);
        long before = count(ds, "api_client");
        problem(asSecretariat().body(client("Late", s)).post("/api/v1/clients").then(), 409);
        assertEquals(before, count(ds, "api_client"));
    }
}
