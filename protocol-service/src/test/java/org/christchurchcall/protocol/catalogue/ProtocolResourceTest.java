package org.christchurchcall.protocol.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.support.Db;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class ProtocolResourceTest {

    @Inject
    DataSource ds;

    @Test
    void theThreeProtocolsAreSeededWithTheirLevels() {
        given().auth().oauth2(TestTokens.withRoles("auditor")).get("/api/v1/protocols").then().statusCode(200)
                .body("items.code", hasItems("ccscrp", "eu-crisis-protocol", "gifct-cip"));
        given().auth().oauth2(World.LINE.member()).get("/api/v1/protocols/gifct-cip").then().statusCode(200)
                .body("requiresSecondApproval", equalTo(true))
                .body("levels.code", equalTo(List.of("incident", "content-incident", "content-incident-protocol")));
        given().auth().oauth2(World.LINE.member()).get("/api/v1/protocols/ccscrp").then().statusCode(200)
                .body("requiresSecondApproval", equalTo(false));
        given().auth().oauth2(World.LINE.member()).get("/api/v1/protocols/nope").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.secretariat()).queryParam("limit", 1).get("/api/v1/protocols").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theSecretariatCreatesProtocolsAndChangesTheirLevels() {
        Db db = new Db(ds);
        String code = "drill-" + System.nanoTime();
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Regional drill", "description", "A regional protocol",
                        "requiresSecondApproval", true, "levels", List.of(
                                Map.of("code", "incident", "name", "Incident", "description", "awareness"),
                                Map.of("code", "content-incident", "name", "Content Incident", "description", ""))))
                .post("/api/v1/protocols").then().statusCode(201)
                .header("Location", containsString("/api/v1/protocols/" + code)).body("version", equalTo(0));
        // as GIFCT did in 2025: levels replaced by activation types; old levels are retired, kept for history
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("name", "Regional drill", "description", "Activation types from 2025",
                        "requiresSecondApproval", true, "version", 0, "levels", List.of(
                                Map.of("code", "perpetrator-content-incident", "name", "Perpetrator Content Incident",
                                        "description", "non-hierarchical activation type"),
                                Map.of("code", "awareness", "name", "Awareness communication", "description", ""))))
                .put("/api/v1/protocols/" + code).then().statusCode(200).body("version", equalTo(1))
                .body("levels.findAll { !it.retired }.code", equalTo(List.of("perpetrator-content-incident", "awareness")))
                .body("levels.findAll { it.retired }.code", hasItems("incident", "content-incident"));
        String before = db.quiet().snapshot();
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "description", "", "requiresSecondApproval", false, "version", 0,
                        "levels", List.of(Map.of("code", "a", "name", "A", "description", ""))))
                .put("/api/v1/protocols/" + code).then().statusCode(409)
                .body("type", equalTo("urn:ccall:problem:stale-version"));
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "dup", "description", "", "requiresSecondApproval", false,
                        "levels", List.of(Map.of("code", "a", "name", "A", "description", ""))))
                .post("/api/v1/protocols").then().statusCode(409);
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("code", "Bad Code", "name", "", "description", "", "requiresSecondApproval", false,
                        "levels", List.of()))
                .post("/api/v1/protocols").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("code", "name", "levels"));
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "description", "", "requiresSecondApproval", false, "version", 1,
                        "levels", List.of(Map.of("code", "a", "name", "A", "description", ""),
                                Map.of("code", "a", "name", "A again", "description", ""))))
                .put("/api/v1/protocols/" + code).then().statusCode(400).body("errors[0].field", equalTo("levels[1].code"));
        assertEquals(before, db.snapshot());
    }
}
