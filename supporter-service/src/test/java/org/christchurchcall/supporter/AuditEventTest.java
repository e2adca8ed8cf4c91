package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.activeSupporter;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditEventTest {

    @Test
    void everyChangeRecordsWhoWhatAndWhen() {
        String clerk = "secretariat-clerk-" + UUID.randomUUID();
        String secretariat = TestTokens.builder().subject(clerk).roles(Roles.SECRETARIAT).sign();
        String id = as(secretariat).body(Map.of("name", Fixtures.uniqueName("Audited"), "type", "company"))
                .post("/api/v1/supporters").then().statusCode(201).extract().path("id");
        as(secretariat).body(Map.of("version", 0)).post("/api/v1/supporters/{id}/admit", id).then().statusCode(200);
        String integration = "integration-" + UUID.randomUUID();
        String own = TestTokens.builder().subject(integration).supporter(UUID.fromString(id), Roles.COMPANY).sign();
        as(own).body(Map.of("version", 1, "name", Fixtures.uniqueName("Audited, renamed"), "country", "JP"))
                .put("/api/v1/supporters/{id}", id).then().statusCode(200);

        as(TestTokens.withRoles(Roles.AUDITOR)).queryParam("entityType", "supporter").queryParam("entityId", id)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.action", equalTo(List.of("updated", "admitted", "applied")))
                .body("items.clientId", equalTo(List.of(integration, clerk, clerk)))
                .body("items[0].supporterId", equalTo(id))
                .body("items[1].supporterId", equalTo(null))
                .body("items[0].occurredAt", notNullValue())
                .body("items[0].summary", notNullValue());

        as(TestTokens.secretariat()).queryParam("supporterId", id).get("/api/v1/audit-events").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].action", equalTo("updated"));
    }

    @Test
    void startUpSeedsAreRecordedAsTheSystem() {
        as(TestTokens.secretariat()).queryParam("entityType", "api-client").queryParam("limit", 500)
                .get("/api/v1/audit-events").then().statusCode(200).body("items.clientId", hasItem("system"));
    }

    @Test
    void pagesNewestFirst() {
        activeSupporter("civil-society");
        String token = TestTokens.withRoles(Roles.AUDITOR);
        var first = as(token).queryParam("limit", 1).get("/api/v1/audit-events").then().statusCode(200)
                .body("items", hasSize(1)).body("next", notNullValue()).extract().jsonPath();
        as(token).queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor")).get("/api/v1/audit-events")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", org.hamcrest.Matchers.not(equalTo(first.getString("items[0].id"))));
        problem(as(token).queryParam("cursor", "AAAA").get("/api/v1/audit-events").then(), 400);
        problem(as(token).queryParam("supporterId", "not-a-uuid").get("/api/v1/audit-events").then(), 400);
    }

    @Test
    void onlyTheSecretariatAndAuditorsReadTheTrail() {
        for (String token : List.of(TestTokens.forSupporter(UUID.randomUUID(), Roles.COMPANY),
                TestTokens.forSupporter(UUID.randomUUID(), Roles.GOVERNMENT, Roles.CRISIS_COORDINATOR),
                TestTokens.withRoles(Roles.SERVICE), TestTokens.withRoles(Roles.MATCHER))) {
            problem(as(token).get("/api/v1/audit-events").then(), 403);
        }
    }
}
