package org.christchurchcall.supporter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.testing.Rows;
import org.christchurchcall.platform.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shared steps of the HTTP tests: tokens, supporters made through the API, row counts. */
public final class Fixtures {

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification asSecretariat() {
        return as(TestTokens.secretariat());
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String countryFor(String type) {
        return switch (type) {
            case "government" -> "NZ";
            case "company" -> "JP";
            case "civil-society" -> "FR";
            default -> null;
        };
    }

    /** A new applicant registered by the secretariat. */
    public static UUID applicant(String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", uniqueName("Test " + type));
        body.put("type", type);
        body.put("country", countryFor(type));
        body.put("website", "https://example.org");
        String id = asSecretariat().body(body).post("/api/v1/supporters").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A new supporter, admitted. */
    public static UUID activeSupporter(String type) {
        UUID id = applicant(type);
        asSecretariat().body(Map.of("version", 0)).post("/api/v1/supporters/{id}/admit", id).then().statusCode(200)
                .body("status", equalTo("active"));
        return id;
    }

    /** The secretariat grants the supporter these operational roles. */
    public static void grantRoles(UUID supporterId, String... roles) {
        for (String role : roles) {
            asSecretariat().put("/api/v1/supporters/{id}/entitlements/roles/{role}", supporterId, role).then()
                    .statusCode(anyOf(is(200), is(201)));
        }
    }

    /** The secretariat grants the supporter participation in these protocols (known to FakeProtocolService). */
    public static void grantProtocols(UUID supporterId, String... protocols) {
        for (String protocol : protocols) {
            asSecretariat().put("/api/v1/supporters/{id}/entitlements/protocols/{p}", supporterId, protocol).then()
                    .statusCode(anyOf(is(200), is(201)));
        }
    }

    public static long version(UUID supporterId) {
        return asSecretariat().get("/api/v1/supporters/{id}", supporterId).then().statusCode(200).extract()
                .jsonPath().getLong("version");
    }

    /** A token of a client of this supporter, with its type role and the given roles. */
    public static String tokenFor(UUID supporterId, String type, String... roles) {
        return TestTokens.forSupporter(supporterId, type, roles);
    }

    public static long count(DataSource ds, String table) {
        return new Rows(ds).count(table);
    }

    /** Asserts a problem+json answer with this status. */
    public static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType(Problem.MEDIA_TYPE).body("status", equalTo(status));
    }
}
