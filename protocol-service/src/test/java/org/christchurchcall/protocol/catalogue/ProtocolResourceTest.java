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
    void theThreeProtocolsAreSeededWithTheirVersions() {
        given().auth().oauth2(TestTokens.withRoles("auditor")).get("/api/v1/protocols").then().statusCode(200)
                .body("items.code", hasItems("ccscrp", "eu-crisis-protocol", "gifct-cip"));
        // GIFCT's 2025 framework is current: non-hierarchical activation types; the Perpetrator Content Incident shares hashes
        given().auth().oauth2(World.LINE.member()).get("/api/v1/protocols/gifct-cip").then().statusCode(200)
                .body("requiresSecondApproval", equalTo(true))
                .body("currentVersion", equalTo("2025")).body("vocabulary", equalTo("types"))
                .body("types.code", equalTo(List.of("perpetrator-content-incident", "awareness-communication")))
                .body("types.sharesHashes", equalTo(List.of(true, false)))
                .body("levels", equalTo(List.of()))
                .body("versions.code", equalTo(List.of("2021", "2025")))
                .body("versions.vocabulary", equalTo(List.of("levels", "types")))
                .body("versions.current", equalTo(List.of(false, true)))
                .body("versions[1].effectiveFrom", equalTo("2025-09-18T00:00:00Z"));
        given().auth().oauth2(World.LINE.member()).get("/api/v1/protocols/ccscrp").then().statusCode(200)
                .body("requiresSecondApproval", equalTo(false)).body("currentVersion", equalTo("2019"))
                .body("vocabulary", equalTo("levels"))
                .body("levels.code", equalTo(List.of("awareness", "coordinated-response", "full-activation")))
                .body("types", equalTo(List.of()));
        given().auth().oauth2(World.LINE.member()).get("/api/v1/protocols/nope").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.secretariat()).queryParam("limit", 1).get("/api/v1/protocols").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void eachVersionListsItsLevelsOrItsActivationTypes() {
        given().auth().oauth2(World.JVC.member()).get("/api/v1/protocols/gifct-cip/versions").then().statusCode(200)
                .body("items.code", equalTo(List.of("2021", "2025")))
                .body("items[0].vocabulary", equalTo("levels")).body("items[0].current", equalTo(false))
                .body("items[0].levels.code", equalTo(List.of("incident", "content-incident", "content-incident-protocol")))
                .body("items[0].levels.sharesHashes", equalTo(List.of(false, true, true)))
                .body("items[0].types", equalTo(List.of()))
                .body("items[1].vocabulary", equalTo("types")).body("items[1].current", equalTo(true))
                .body("items[1].types.code", equalTo(List.of("perpetrator-content-incident", "awareness-communication")))
                .body("items[1].source", containsString("gifct.org/incident-response"));
        given().auth().oauth2(TestTokens.withRoles("matcher")).get("/api/v1/protocols/gifct-cip/versions/2021").then()
                .statusCode(200).body("protocol", equalTo("gifct-cip")).body("name", equalTo("Incident Response Framework (2021)"))
                .body("effectiveFrom", equalTo("2021-01-01T00:00:00Z"))
                .body("levels.name", equalTo(List.of("Incident", "Content Incident", "Content Incident Protocol")));
        given().auth().oauth2(TestTokens.withRoles("auditor")).get("/api/v1/protocols/gifct-cip/versions/2025").then()
                .statusCode(200).body("types[0].code", equalTo("perpetrator-content-incident"))
                .body("types[0].sharesHashes", equalTo(true));
        given().auth().oauth2(World.LINE.member()).get("/api/v1/protocols/gifct-cip/versions/2030").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(World.LINE.member()).get("/api/v1/protocols/nope/versions").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readingVersionsNeedsAToken() {
        for (String path : List.of("/api/v1/protocols/gifct-cip/versions", "/api/v1/protocols/gifct-cip/versions/2025")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(TestTokens.signedByOtherKey("secretariat")).get(path).then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theSecretariatCreatesProtocolsAndChangesTheirLevels() {
        Db db = new Db(ds);
        String code = "drill-" + System.nanoTime();
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Regional drill", "description", "A regional protocol",
                        "requiresSecondApproval", true, "levels", List.of(
                                Map.of("code", "incident", "name", "Incident", "description", "awareness"),
                                Map.of("code", "content-incident", "name", "Content Incident", "description", "",
                                        "sharesHashes", true))))
                .post("/api/v1/protocols").then().statusCode(201)
                .header("Location", containsString("/api/v1/protocols/" + code)).body("version", equalTo(0))
                .body("currentVersion", equalTo("1")).body("vocabulary", equalTo("levels"))
                .body("levels.sharesHashes", equalTo(List.of(false, true)));
        // the current version's levels are replaced; dropped ones are retired, kept for history, and a
        // level given without sharesHashes keeps its value
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("name", "Regional drill", "description", "Two new levels",
                        "requiresSecondApproval", true, "version", 0, "levels", List.of(
                                Map.of("code", "watch", "name", "Watch", "description", ""),
                                Map.of("code", "content-incident", "name", "Content Incident", "description", "renamed"))))
                .put("/api/v1/protocols/" + code).then().statusCode(200).body("version", equalTo(1))
                .body("levels.findAll { !it.retired }.code", equalTo(List.of("watch", "content-incident")))
                .body("levels.findAll { !it.retired }.sharesHashes", equalTo(List.of(false, true)))
                .body("levels.findAll { it.retired }.code", hasItems("incident"));
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
                .body("errors.field", hasItems("code", "name"));
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("code", "no-terms-" + System.nanoTime(), "name", "n", "description", "",
                        "requiresSecondApproval", false, "levels", List.of(), "types", List.of()))
                .post("/api/v1/protocols").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("levels"));
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("code", "both-" + System.nanoTime(), "name", "n", "description", "",
                        "requiresSecondApproval", false,
                        "levels", List.of(Map.of("code", "a", "name", "A", "description", "")),
                        "types", List.of(Map.of("code", "b", "name", "B", "description", ""))))
                .post("/api/v1/protocols").then().statusCode(400).body("errors[0].field", equalTo("types"));
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "description", "", "requiresSecondApproval", false, "version", 1,
                        "levels", List.of(Map.of("code", "a", "name", "A", "description", ""),
                                Map.of("code", "a", "name", "A again", "description", ""))))
                .put("/api/v1/protocols/" + code).then().statusCode(400).body("errors[0].field", equalTo("levels[1].code"));
        // a version with levels takes no types
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "description", "", "requiresSecondApproval", false, "version", 1,
                        "types", List.of(Map.of("code", "a", "name", "A", "description", ""))))
                .put("/api/v1/protocols/" + code).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("types"))
                .body("errors[0].message", equalTo(code + " version 1 uses levels: give levels, not types"));
        assertEquals(before, db.snapshot());
    }

    @Test
    void aProtocolWithActivationTypesKeepsToTypes() {
        Db db = new Db(ds);
        String code = "types-drill-" + System.nanoTime();
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Types drill", "description", "", "requiresSecondApproval", false,
                        "types", List.of(Map.of("code", "perpetrator-content", "name", "Perpetrator content",
                                "description", "", "sharesHashes", true),
                                Map.of("code", "awareness", "name", "Awareness", "description", ""))))
                .post("/api/v1/protocols").then().statusCode(201).body("vocabulary", equalTo("types"))
                .body("types.code", equalTo(List.of("perpetrator-content", "awareness")))
                .body("types.sharesHashes", equalTo(List.of(true, false))).body("levels", equalTo(List.of()));
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("name", "Types drill", "description", "", "requiresSecondApproval", false, "version", 0,
                        "types", List.of(Map.of("code", "awareness", "name", "Awareness", "description", "only"))))
                .put("/api/v1/protocols/" + code).then().statusCode(200)
                .body("types.findAll { !it.retired }.code", equalTo(List.of("awareness")))
                .body("types.findAll { it.retired }.code", equalTo(List.of("perpetrator-content")));
        String before = db.snapshot();
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "description", "", "requiresSecondApproval", false, "version", 1,
                        "levels", List.of(Map.of("code", "a", "name", "A", "description", ""))))
                .put("/api/v1/protocols/" + code).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("levels"))
                .body("errors[0].message", equalTo(code + " version 1 uses activation types: give types, not levels"));
        assertEquals(before, db.snapshot());
    }
}
