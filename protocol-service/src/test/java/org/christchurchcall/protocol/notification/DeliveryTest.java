package org.christchurchcall.protocol.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.support.Db;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.Hooks;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Retries, dead-letters, ordering and recovery of the outbox worker against real HTTP receivers
 * (the test profile sets a 3 s maximum age and 100-300 ms backoff).
 */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class DeliveryTest {

    @Inject
    DataSource ds;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void testProtocols() {
        for (String code : List.of(World.RETRY_PROTOCOL, World.DEAD_PROTOCOL, World.REFUSED_PROTOCOL)) {
            if (given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/protocols/" + code).statusCode() == 404) {
                given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                        .body(Map.of("code", code, "name", "Test " + code, "description", "for delivery tests",
                                "requiresSecondApproval", false,
                                "levels", List.of(Map.of("code", "alert", "name", "Alert", "description", ""))))
                        .post("/api/v1/protocols").then().statusCode(201);
            }
        }
    }

    /** An incident under a test protocol, activated by the secretariat acting as crisis coordinator. */
    String activated(String protocol) {
        String secretariatCoordinator = TestTokens.withRoles("secretariat", "crisis-coordinator");
        String id = Fixtures.reportIncident(TestTokens.secretariat(), List.of(protocol), false);
        Fixtures.transition(secretariatCoordinator, id, "assessing", null, null).statusCode(200);
        Fixtures.activate(secretariatCoordinator, id, protocol, "alert").statusCode(201);
        return id;
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffUntilItAccepts() {
        String id = activated(World.RETRY_PROTOCOL);
        Db db = new Db(ds);
        UUID incident = UUID.fromString(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                "select count(*) from notification where incident_id = ? and status = 'delivered'", incident) == 1);
        // 500, then 503, then 200: three attempts, one webhook id, a valid signature every time
        var received = Hooks.received(World.FLAKY, id);
        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(r -> r.getHeader("webhook-id")).distinct().count());
        received.forEach(r -> Hooks.assertSigned(World.FLAKY, r));
        assertEquals(3, db.count("select attempts from notification where incident_id = ?", incident));
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + id + "/participants").then()
                .statusCode(200).body("items[0].delivered", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].timeToDeliverMs", org.hamcrest.Matchers.greaterThanOrEqualTo(100));
    }

    @Test
    void aReceiverThatNeverAcceptsIsDeadLetteredAfterTheMaximumAge() {
        double before = registry.counter("ccall.notifications.dead.lettered").count();
        String id = activated(World.DEAD_PROTOCOL);
        Db db = new Db(ds);
        UUID incident = UUID.fromString(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                "select count(*) from notification where incident_id = ? and status = 'dead-lettered'", incident) == 1);
        assertTrue(Hooks.received(World.DEAD, id).size() >= 2, "retried before giving up");
        assertTrue(registry.counter("ccall.notifications.dead.lettered").count() >= before + 1);
        given().auth().oauth2(TestTokens.secretariat()).queryParam("limit", 500)
                .get("/api/v1/incidents/" + id + "/timeline").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.hasItem("notification-dead-lettered"));
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + id + "/participants").then()
                .statusCode(200).body("items[0].deadLettered", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].firstDeliveredAt", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(TestTokens.secretariat()).get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ccall_notifications_dead_lettered_total"));
    }

    @Test
    void aWebhookWhoseHostResolvesToARefusedAddressIsDeadLetteredAtOnceWithoutSending() {
        double refusedBefore = registry.counter("ccall.notifications.refused").count();
        String id = activated(World.REFUSED_PROTOCOL);
        Db db = new Db(ds);
        UUID incident = UUID.fromString(id);
        // the test maximum age is 3 s: dead within 2 s can only be the refusal, not retries running out
        await().atMost(Duration.ofSeconds(2)).until(() -> db.count(
                "select count(*) from notification where incident_id = ? and status = 'dead-lettered'", incident) == 1);
        assertEquals(1, db.count("select attempts from notification where incident_id = ?", incident), "never retried");
        String reason = "metadata.hooks.example resolves to 169.254.169.254 is in 169.254.0.0/16 "
                + "(link-local, where cloud metadata services live)";
        assertEquals(1, db.count("select count(*) from notification where incident_id = ? and last_error = ? "
                + "and last_status is null", incident, "refused destination: " + reason));
        given().auth().oauth2(TestTokens.secretariat()).queryParam("limit", 500)
                .get("/api/v1/incidents/" + id + "/timeline").then().statusCode(200)
                .body("items.find { it.kind == 'notification-dead-lettered' }.data.refusedDestination",
                        org.hamcrest.Matchers.equalTo(reason))
                .body("items.find { it.kind == 'notification-dead-lettered' }.data.endpointId",
                        org.hamcrest.Matchers.equalTo(World.INWARD.hook().id().toString()));
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + id + "/participants").then()
                .statusCode(200).body("items[0].deadLettered", org.hamcrest.Matchers.equalTo(1));
        assertTrue(registry.counter("ccall.notifications.refused").count() >= refusedBefore + 1);
    }

    @Test
    void rowsClaimedByAReplicaThatDiedAreDeliveredInOrderWithTheirOriginalIds() {
        // an incident whose outbox holds three events for New Zealand's endpoint, the first of
        // them claimed by a replica that was killed before it could send (its lease still runs)
        String id = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        Db db = new Db(ds);
        UUID incident = UUID.fromString(id);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < ids.size(); i++) {
            db.exec("insert into notification (id, event_id, event_type, incident_id, supporter_id, endpoint_id, url, "
                    + "payload, status, attempts, created_at, next_attempt_at, locked_until) values "
                    + "(?, ?, 'incident.situational-update', ?, ?, ?, ?, ?, 'pending', ?, now(), now(), "
                    + (i == 0 ? "now() + interval '1500 milliseconds'" : "null") + ")",
                    ids.get(i), UUID.randomUUID(), incident, World.NZ.id(), World.NZ.hook().id(),
                    WireMockPeers.base() + World.NZ.hook().path(),
                    "{\"incident\":{\"id\":\"" + id + "\"},\"n\":" + i + "}", i == 0 ? 1 : 0);
        }
        db.exec("insert into incident_participant (incident_id, supporter_id, supporter_name, first_notified_at) "
                + "values (?, ?, 'New Zealand', now())", incident, World.NZ.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                "select count(*) from notification where incident_id = ? and status = 'delivered'", incident) == 3);
        var received = Hooks.received(World.NZ, id);
        assertEquals(ids.stream().map(UUID::toString).toList(),
                received.stream().map(r -> r.getHeader("webhook-id")).toList());
        received.forEach(r -> Hooks.assertSigned(World.NZ, r));
        assertEquals(List.of(0, 1, 2), received.stream().map(r -> Hooks.body(r).path("n").asInt()).toList());
    }
}
