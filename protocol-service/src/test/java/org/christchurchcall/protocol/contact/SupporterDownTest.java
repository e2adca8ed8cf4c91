package org.christchurchcall.protocol.contact;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.ServiceTokenStub;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.Hooks;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Contacts come from supporter-service with a cached service token; without it, the last known ones serve. */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class SupporterDownTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void restore() {
        WireMockPeers.reset();
        breakers.resetAll();
    }

    @Test
    void contactsAreReadWithOneCachedServiceToken() {
        var server = WireMockPeers.server();
        Fixtures.activeIncident("ccscrp", "awareness", false);
        int tokens = ServiceTokenStub.requests(server).size();
        int reads = server.findAll(getRequestedFor(urlPathEqualTo("/api/v1/crisis-contacts"))).size();
        Fixtures.activeIncident("ccscrp", "awareness", false);
        Fixtures.activeIncident("ccscrp", "awareness", false);
        // each activation reads the contacts; the token is reused until shortly before it expires
        int readsAfter = server.findAll(getRequestedFor(urlPathEqualTo("/api/v1/crisis-contacts"))).size();
        int tokensAfter = ServiceTokenStub.requests(server).size();
        assertTrue(readsAfter >= reads + 2, "contacts read " + reads + " -> " + readsAfter);
        assertEquals(tokens, tokensAfter, "token requests " + tokens + " -> " + tokensAfter);
        given().auth().oauth2(World.NZ.coordinator()).get("/api/v1/protocols/gifct-cip/participants").then()
                .statusCode(200).body("items.supporterName", org.hamcrest.Matchers.containsInAnyOrder("jeuxvideo.com", "LINE Corporation"))
                .body("items[0].webhookEndpoints", equalTo(1));
    }

    @Test
    void whenSupporterServiceIsUnreachableActivationUsesTheLastKnownContactsAndSaysSo() {
        // the cache holds the world from earlier reads; now supporter-service drops connections
        Fixtures.activeIncident("ccscrp", "awareness", false);
        WireMockPeers.server().stubFor(get(urlPathEqualTo("/api/v1/crisis-contacts"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String id = Fixtures.activeIncident("ccscrp", "coordinated-response", false);
        given().auth().oauth2(TestTokens.secretariat()).queryParam("limit", 500)
                .get("/api/v1/incidents/" + id + "/timeline").then().statusCode(200)
                .body("items.kind", hasItem("contacts-from-cache"))
                .body("items.find { it.kind == 'contacts-from-cache' }.data.reason",
                        org.hamcrest.Matchers.containsString("supporter-service could not be reached"));
        for (var s : List.of(World.NZ, World.FR, World.LINE)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !Hooks.received(s, id).isEmpty());
            Hooks.assertSigned(s, Hooks.received(s, id).get(0));
        }
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("status", equalTo("active"));
        assertEquals(3, given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + id + "/participants")
                .then().extract().jsonPath().getList("items").size());
    }
}
