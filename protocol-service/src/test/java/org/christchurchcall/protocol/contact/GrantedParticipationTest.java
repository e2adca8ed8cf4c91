package org.christchurchcall.protocol.contact;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.christchurchcall.protocol.support.World.FR;
import static org.christchurchcall.protocol.support.World.LINE;
import static org.christchurchcall.protocol.support.World.NZ;
import static org.christchurchcall.protocol.support.World.OBSERVER;
import static org.christchurchcall.protocol.support.World.SQUATTER;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.contact.service.ContactDirectory;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.Hooks;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Participation comes from the secretariat's grants that supporter-service serves with the
 * contacts, never from the protocols a supporter's webhook lists.
 */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class GrantedParticipationTest {

    @Inject
    ContactDirectory contacts;

    @AfterEach
    void restore() {
        WireMockPeers.reset();
        contacts.refresh();
    }

    @Test
    void aWebhookListingAProtocolDoesNotMakeItsSupporterAParticipant() {
        String id = Fixtures.activeIncident("ccscrp", "awareness", false);
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + id + "/participants").then()
                .statusCode(200).body("items.supporterId", not(hasItem(SQUATTER.id().toString())));
        await().atMost(Duration.ofSeconds(15)).until(() -> !Hooks.received(NZ, id).isEmpty());
        assertTrue(Hooks.received(SQUATTER, id).isEmpty(), "the squatter's webhook was notified");

        given().auth().oauth2(SQUATTER.member()).get("/api/v1/incidents/" + id).then().statusCode(404);
        given().auth().oauth2(SQUATTER.coordinator()).get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(NZ.coordinator()).get("/api/v1/protocols/ccscrp/participants").then().statusCode(200)
                .body("items.supporterName", hasItems(NZ.name(), FR.name(), LINE.name(), OBSERVER.name()))
                .body("items.supporterName", not(hasItem(SQUATTER.name())));
        given().auth().oauth2(NZ.coordinator()).get("/api/v1/protocols/gifct-cip/participants").then().statusCode(200)
                .body("items.supporterName", not(hasItem(SQUATTER.name())));
    }

    @Test
    void aParticipantWithoutAWebhookSeesTheProtocolsIncidentsButIsNotNotified() {
        String id = Fixtures.activeIncident("ccscrp", "awareness", false);
        given().auth().oauth2(OBSERVER.member()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("protocols", equalTo(List.of("ccscrp")));
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + id + "/participants").then()
                .statusCode(200).body("items.supporterId", not(hasItem(OBSERVER.id().toString())));
        // a protocol it does not take part in stays hidden
        String gifct = Fixtures.reportIncident(LINE.member(), List.of("gifct-cip"), false);
        given().auth().oauth2(OBSERVER.member()).get("/api/v1/incidents/" + gifct).then().statusCode(404);
    }

    @Test
    void aWithdrawnParticipationEndsAtTheNextReadOfTheContacts() {
        // the secretariat withdrew LINE's ccscrp participation; its webhook still lists ccscrp
        World.Supporter withdrawn = new World.Supporter(LINE.id(), LINE.name(), LINE.type(), LINE.country(),
                List.of("gifct-cip"), LINE.hooks());
        WireMockPeers.serveContacts(World.ALL.stream().map(s -> s == LINE ? withdrawn : s).toList());

        String id = Fixtures.activeIncident("ccscrp", "awareness", false);
        List<String> notified = given().auth().oauth2(TestTokens.secretariat())
                .get("/api/v1/incidents/" + id + "/participants").then().statusCode(200).extract().jsonPath()
                .getList("items.supporterId");
        assertTrue(Set.copyOf(notified).equals(Set.of(NZ.id().toString(), FR.id().toString())), notified::toString);
        given().auth().oauth2(LINE.member()).get("/api/v1/incidents/" + id).then().statusCode(404);
        // still a gifct-cip participant
        given().auth().oauth2(NZ.coordinator()).get("/api/v1/protocols/gifct-cip/participants").then().statusCode(200)
                .body("items.supporterName", hasItem(LINE.name()));
    }
}
