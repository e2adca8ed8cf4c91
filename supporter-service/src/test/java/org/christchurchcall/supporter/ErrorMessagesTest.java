package org.christchurchcall.supporter;

import static io.restassured.RestAssured.given;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** supporter-service's refusals name the fix: allowed codes, unknown fields, needed roles, the token's fault. */
@QuarkusTest
class ErrorMessagesTest {

    @Inject
    AgroalDataSource ds;

    static Map<String, Object> supporter(String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.uniqueName("Errors"));
        body.put("type", type);
        body.put("country", "NZ");
        return body;
    }

    @Test
    void anUnknownSupporterTypeListsTheTypes() {
        long before = count(ds, "supporter");
        problem(asSecretariat().body(supporter("ngo")).post("/api/v1/supporters").then(), 400)
                .body("type", equalTo("urn:ccall:problem:malformed-body"))
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", equalTo("must be one of government, intergovernmental, company, civil-society"))
                .body("detail", equalTo("type: must be one of government, intergovernmental, company, civil-society"));
        assertEquals(before, count(ds, "supporter"));
    }

    @Test
    void anUnknownFieldIsRefusedAndTheKnownOnesListed() {
        long before = count(ds, "supporter");
        Map<String, Object> body = supporter("company");
        body.put("webSite", "https://example.org");
        problem(asSecretariat().body(body).post("/api/v1/supporters").then(), 400)
                .body("errors[0].field", equalTo("webSite"))
                .body("errors[0].message",
                        equalTo("is not a field of this request; the known fields are country, name, type, website"));
        assertEquals(before, count(ds, "supporter"));
    }

    @Test
    void aStatusFilterListsTheStatuses() {
        problem(asSecretariat().queryParam("status", "admitted").get("/api/v1/supporters").then(), 400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of applied, active, suspended, withdrawn"));
    }

    @Test
    void forbiddenNamesTheRoleNeeded() {
        problem(as(TestTokens.withRoles("auditor")).body(supporter("company")).post("/api/v1/supporters").then(), 403)
                .body("detail", equalTo("this needs one of the roles secretariat; the token carries auditor"));
    }

    @Test
    void anExpiredTokenSaysSo() {
        problem(given().auth().oauth2(TestTokens.expired("secretariat")).get("/api/v1/supporters").then(), 401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", containsString("the token expired at"));
    }
}
