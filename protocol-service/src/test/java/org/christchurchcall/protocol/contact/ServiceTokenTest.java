package org.christchurchcall.protocol.contact;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.ServiceTokenStub;
import org.christchurchcall.protocol.contact.client.SupporterContactsClient;
import org.christchurchcall.protocol.contact.service.ContactDirectory;
import org.christchurchcall.protocol.contact.service.ContactSnapshot;
import org.christchurchcall.protocol.hashes.client.CrisisHashes;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * protocol-service's own token from the "supporter" OIDC client: not fetched at start-up, shared by
 * the supporter and hashmatch clients, a token endpoint failure handled like supporter-service being
 * down (and forgotten once it answers again), and a new token after the cached one is refused. Its
 * own application (profile), so that the token cache starts empty and the rotated token stays here.
 */
@QuarkusTest
@TestProfile(ServiceTokenTest.OwnTokenCache.class)
@QuarkusTestResource(WireMockPeers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceTokenTest {

    public static class OwnTokenCache implements QuarkusTestProfile {
    }

    static final String ROTATED = "service-token-rotated";

    @Inject
    SupporterContactsClient client;

    @Inject
    ContactDirectory directory;

    @Inject
    CrisisHashes hashes;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void breakers() {
        breakers.resetAll();
    }

    static WireMockServer server() {
        return WireMockPeers.server();
    }

    static int tokenRequests() {
        return ServiceTokenStub.requests(server()).size();
    }

    @Test
    @Order(1)
    void noTokenIsFetchedAtStartUp() {
        assertEquals(0, tokenRequests(), "the OIDC client must not call supporter-service before a peer is called");
    }

    @Test
    @Order(2)
    void aTokenEndpointFailureIsSupporterServiceBeingDownUntilItAnswersAgain() {
        WireMockPeers.reset();
        server().stubFor(post(urlPathEqualTo(ServiceTokenStub.PATH)).atPriority(1).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"temporarily_unavailable\"}")));

        ContactSnapshot snapshot = directory.refresh();
        assertFalse(snapshot.fresh());
        assertTrue(snapshot.reason().startsWith("supporter-service could not be reached"), snapshot.reason());
        assertEquals(0, server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/crisis-contacts"))).size(),
                "no contacts request without a token");
        assertTrue(tokenRequests() >= 1);
        // hashmatch-service cannot be asked either: the count is unknown, not zero
        assertEquals("unknown", hashes.of(UUID.randomUUID()).status());

        WireMockPeers.reset();
        breakers.resetAll();
        assertTrue(directory.refresh().fresh(), "the failed token request is not remembered");
        assertEquals("available", hashes.of(UUID.randomUUID()).status());
        assertEquals(1, tokenRequests(), "one token for both peers");
        assertTrue(ServiceTokenStub.allClientCredentials(server(), WireMockPeers.CLIENT_BASIC));
    }

    @Test
    @Order(3)
    void theTokenIsReusedAcrossCalls() {
        WireMockPeers.reset();
        for (int i = 0; i < 3; i++) {
            assertEquals(World.ALL.size(), client.fetchAll().size());
            assertEquals("available", hashes.of(UUID.randomUUID()).status());
        }
        assertEquals(0, tokenRequests(), "the token of the previous test is still cached");
    }

    @Test
    @Order(4)
    void aRefusedTokenIsReplacedByANewOne() {
        // supporter-service rotated its keys: the cached token is refused, a new one is issued
        WireMockPeers.reset();
        WireMockPeers.serveToken(ROTATED);
        WireMockPeers.serveContacts(World.ALL, ROTATED);
        server().stubFor(get(urlPathEqualTo("/api/v1/crisis-contacts")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + WireMockPeers.SERVICE_TOKEN))
                .willReturn(aResponse().withStatus(401)));

        assertEquals(World.ALL.size(), client.fetchAll().size(), "the retry carries the new token");
        assertEquals(1, tokenRequests());
        assertEquals(1, server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/crisis-contacts"))
                .withHeader("Authorization", equalTo("Bearer " + WireMockPeers.SERVICE_TOKEN))).size());
        assertEquals(1, server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/crisis-contacts"))
                .withHeader("Authorization", equalTo("Bearer " + ROTATED))).size());
    }
}
