package org.christchurchcall.protocol.timeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.support.Db;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Someone with database access edits or deletes a stored entry: verification names it. */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class TimelineTamperTest {

    @Inject
    DataSource ds;

    String verify(String id) {
        return "/api/v1/incidents/" + id + "/timeline/verify";
    }

    @Test
    void editingAStoredEntryIsDetected() {
        Db db = new Db(ds);
        String id = Fixtures.activeIncident("ccscrp", "awareness", false);
        String untouched = Fixtures.activeIncident("ccscrp", "awareness", false);
        db.quiet();
        given().auth().oauth2(TestTokens.secretariat()).get(verify(id)).then().statusCode(200)
                .body("ok", equalTo(true));
        String entry = db.exec("update timeline_entry set payload = replace(payload, 'Christchurch', 'Elsewhere') "
                + "where incident_id = ? and position = 1", UUID.fromString(id)) == 1 ? "edited" : "missing";
        org.junit.jupiter.api.Assertions.assertEquals("edited", entry);
        given().auth().oauth2(TestTokens.withRoles("auditor")).get(verify(id)).then().statusCode(200)
                .body("ok", equalTo(false)).body("firstBrokenPosition", equalTo(1))
                .body("firstBrokenEntryId", notNullValue()).body("reason", org.hamcrest.Matchers.containsString("hash"));
        given().auth().oauth2(TestTokens.secretariat()).get(verify(untouched)).then().body("ok", equalTo(true));
    }

    @Test
    void deletingOrRehashingAnEntryIsDetected() {
        Db db = new Db(ds);
        String deleted = Fixtures.activeIncident("ccscrp", "awareness", false);
        String rehashed = Fixtures.activeIncident("ccscrp", "awareness", false);
        db.quiet();
        db.exec("delete from timeline_entry where incident_id = ? and position = 2", UUID.fromString(deleted));
        given().auth().oauth2(TestTokens.secretariat()).get(verify(deleted)).then().body("ok", equalTo(false))
                .body("firstBrokenPosition", equalTo(2));
        // an edited entry whose stored hash was overwritten too is still found
        db.exec("update timeline_entry set actor = 'client:forger', hash = encode(sha256(convert_to('x', 'UTF8')), 'hex') "
                + "where incident_id = ? and position = 3", UUID.fromString(rehashed));
        given().auth().oauth2(TestTokens.secretariat()).get(verify(rehashed)).then().body("ok", equalTo(false))
                .body("firstBrokenPosition", equalTo(3));
        given().auth().oauth2(World.NZ.member()).get(verify(rehashed)).then().statusCode(403);
        given().auth().oauth2(TestTokens.secretariat()).get(verify(UUID.randomUUID().toString())).then().statusCode(404);
        given().auth().oauth2(World.NZ.member()).queryParam("limit", 2).get("/api/v1/incidents/" + rehashed + "/timeline")
                .then().statusCode(200).body("items.position", equalTo(List.of(1, 2))).body("next", notNullValue());
    }
}
