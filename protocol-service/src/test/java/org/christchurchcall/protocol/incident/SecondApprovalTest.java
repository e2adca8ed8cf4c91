package org.christchurchcall.protocol.incident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.christchurchcall.protocol.support.Fixtures.activate;
import static org.christchurchcall.protocol.support.Fixtures.reportIncident;
import static org.christchurchcall.protocol.support.Fixtures.transition;
import static org.christchurchcall.protocol.support.World.JVC;
import static org.christchurchcall.protocol.support.World.LINE;
import static org.christchurchcall.protocol.support.World.NZ;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.protocol.support.Db;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.Hooks;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** No single organisation activates the company protocol alone. */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class SecondApprovalTest {

    @Inject
    DataSource ds;

    @Test
    void theCompanyProtocolTakesEffectOnlyWhenAnotherOrganisationApproves() {
        Db db = new Db(ds);
        String id = reportIncident(LINE.member(), List.of("gifct-cip"), false);
        transition(LINE.coordinator(), id, "assessing", null, null).statusCode(200);
        String activation = Fixtures.activateType(LINE.coordinator(), id, "gifct-cip", "perpetrator-content-incident")
                .statusCode(201).body("status", equalTo("pending-approval"))
                .body("effectiveAt", org.hamcrest.Matchers.nullValue()).extract().path("id");
        given().auth().oauth2(LINE.member()).get("/api/v1/incidents/" + id).then()
                .body("status", equalTo("assessing"));
        assertEquals(0, db.count("select count(*) from notification where incident_id = ?", java.util.UUID.fromString(id)));

        String approvals = "/api/v1/incidents/" + id + "/activations/" + activation + "/approvals";
        // the requesting organisation cannot approve its own activation, even with another client
        String before = db.quiet().snapshot();
        given().auth().oauth2(LINE.coordinator()).contentType(ContentType.JSON).body(Map.of("note", "self"))
                .post(approvals).then().statusCode(403).contentType("application/problem+json");
        // an organisation outside the protocol cannot approve either
        given().auth().oauth2(NZ.coordinator()).contentType(ContentType.JSON).body(Map.of())
                .post(approvals).then().statusCode(404);
        assertEquals(before, db.snapshot());

        given().auth().oauth2(JVC.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("note", "Confirmed on our platform too")).post(approvals).then().statusCode(200)
                .body("status", equalTo("in-effect")).body("approvedBySupporter", equalTo(JVC.id().toString()))
                .body("effectiveAt", notNullValue());
        given().auth().oauth2(LINE.member()).get("/api/v1/incidents/" + id).then()
                .body("status", equalTo("active")).body("activatedAt", notNullValue());
        // approving twice is a state error
        given().auth().oauth2(JVC.coordinator()).contentType(ContentType.JSON).body(Map.of()).post(approvals).then()
                .statusCode(409);

        for (var s : List.of(LINE, JVC)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !Hooks.receivedOfType(s, id, "incident.activated").isEmpty());
            Hooks.assertSigned(s, Hooks.received(s, id).get(0));
        }
        assertTrue(Hooks.received(NZ, id).isEmpty());
    }

    @Test
    void aProtocolWithoutTheRequirementTakesEffectAtOnce() {
        String id = reportIncident(NZ.member(), List.of("ccscrp"), false);
        transition(NZ.coordinator(), id, "assessing", null, null).statusCode(200);
        activate(NZ.coordinator(), id, "ccscrp", "awareness").statusCode(201).body("status", equalTo("in-effect"));
        // the same protocol twice is a conflict; an unknown level is bad input
        activate(NZ.coordinator(), id, "ccscrp", "awareness").statusCode(409);
        activate(NZ.coordinator(), id, "eu-crisis-protocol", "no-such-level").statusCode(400)
                .body("errors[0].field", equalTo("level"));
        // a coordinator may only activate protocols its organisation takes part in
        activate(LINE.coordinator(), id, "eu-crisis-protocol", "monitoring").statusCode(403);
    }
}
