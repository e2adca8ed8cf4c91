package org.christchurchcall.protocol.timeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * Someone with database access edits or deletes a stored entry: verification names it, in chains
 * written before RFC 8785 hashing (chain version 1) and after.
 */
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

    @Test
    void chainsWrittenBeforeRfc8785StillVerifyAndNewEntriesFollowThem() throws SQLException {
        Db db = new Db(ds);
        String old = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        String oldThenTampered = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        db.quiet();
        int before = asWrittenBeforeChainVersions(UUID.fromString(old));
        asWrittenBeforeChainVersions(UUID.fromString(oldThenTampered));
        given().auth().oauth2(TestTokens.secretariat()).get(verify(old)).then().body("ok", equalTo(true))
                .body("entries", equalTo(before));

        // a new entry (version 2) after the old ones
        Fixtures.transition(World.NZ.coordinator(), old, "assessing", null, null).statusCode(200);
        Fixtures.transition(World.NZ.coordinator(), oldThenTampered, "assessing", null, null).statusCode(200);
        db.quiet();
        assertEquals(List.of(1, 2), versions(UUID.fromString(old)).stream().distinct().toList());
        given().auth().oauth2(TestTokens.secretariat()).get(verify(old)).then().body("ok", equalTo(true));
        given().auth().oauth2(World.NZ.member()).get("/api/v1/incidents/" + old + "/timeline").then().statusCode(200)
                .body("items.chainVersion[0]", equalTo(1)).body("items.chainVersion[-1]", equalTo(2));

        // tampering with an old entry, then with a new one
        db.exec("update timeline_entry set actor = 'client:forger' where incident_id = ? and position = 1",
                UUID.fromString(oldThenTampered));
        given().auth().oauth2(TestTokens.secretariat()).get(verify(oldThenTampered)).then().body("ok", equalTo(false))
                .body("firstBrokenPosition", equalTo(1));
        int newest = versions(UUID.fromString(old)).size();
        db.exec("update timeline_entry set actor = 'client:forger' where incident_id = ? and position = ?",
                UUID.fromString(old), newest);
        given().auth().oauth2(TestTokens.secretariat()).get(verify(old)).then().body("ok", equalTo(false))
                .body("firstBrokenPosition", equalTo(newest));
    }

    /** Re-hashes an incident's entries as version 1, as they stood before chain versions existed. */
    private int asWrittenBeforeChainVersions(UUID incident) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select position, id, recorded_at, "
                + "kind, actor, payload from timeline_entry where incident_id = ? order by position")) {
            ps.setObject(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] { rs.getInt(1), rs.getObject(2, UUID.class),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                            rs.getString(6) });
                }
            }
        }
        String prev = TimelineChain.GENESIS;
        for (Object[] r : rows) {
            var link = new TimelineChain.Link(1, (int) r[0], incident, (UUID) r[1], (Instant) r[2], (String) r[3],
                    (String) r[4], (String) r[5], prev);
            String hash = TimelineChain.hash(link);
            new Db(ds).exec("update timeline_entry set chain_version = 1, prev_hash = ?, hash = ? where id = ?", prev, hash,
                    r[1]);
            prev = hash;
        }
        return rows.size();
    }

    private List<Integer> versions(UUID incident) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select chain_version from timeline_entry where incident_id = ? order by position")) {
            ps.setObject(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }
}
