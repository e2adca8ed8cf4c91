package org.christchurchcall.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.ServiceTokenStub;
import org.christchurchcall.report.support.Reports;
import org.christchurchcall.report.support.SourceStubs;
import org.christchurchcall.report.support.WireMockSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * report-service's own token from the "supporter" OIDC client: not fetched at start-up, one token
 * for many calls, every source missing while the token endpoint is down and back without a restart
 * once it answers, and a new token after a source rejects the cached one. Its own application
 * (profile), so that the token cache starts empty and the rotated token stays here.
 */
@QuarkusTest
@TestProfile(ServiceTokenTest.OwnTokenCache.class)
@WithTestResource(WireMockSources.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceTokenTest {

    public static class OwnTokenCache implements QuarkusTestProfile {
    }

    static final String ROTATED = "report-service-token-2";
    static final String[] SOURCE_PATHS = { SourceStubs.HASHES, SourceStubs.INCIDENTS, SourceStubs.MEMBERSHIP,
            SourceStubs.STOCKTAKES };

    @WireMockSources.Inject
    WireMockServer wm;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void breakers() {
        breakers.resetAll();
    }

    int tokenRequests() {
        return ServiceTokenStub.requests(wm).size();
    }

    @Test
    @Order(1)
    void noTokenIsFetchedAtStartUp() {
        assertEquals(0, tokenRequests(), "the OIDC client must not call supporter-service before a source is called");
    }

    @Test
    @Order(2)
    void whileTheTokenEndpointIsDownEverySourceIsMissingAndItRecoversWithoutARestart() {
        SourceStubs.allUp(wm);
        wm.stubFor(post(urlPathEqualTo(ServiceTokenStub.PATH)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        JsonNode draft = Reports.createDraftOk("2022");
        assertEquals(19, draft.get("missing").size(), draft.get("missing")::toString);
        draft.get("missing").forEach(m -> assertTrue(m.get("reason").asText().contains("no service token"), m::toString));
        draft.get("content").get("sources").forEach(s -> assertEquals("unavailable", s.get("status").asText()));
        for (String path : SOURCE_PATHS) {
            assertEquals(0, wm.findAll(getRequestedFor(urlPathEqualTo(path))).size(), path + " called without a token");
        }

        // supporter-service is back: the failed token request is not remembered
        SourceStubs.allUp(wm);
        breakers.resetAll();
        JsonNode complete = Reports.createDraftOk("2022-h1");
        assertEquals(0, complete.get("missing").size(), complete.get("missing")::toString);
        assertEquals(1, tokenRequests());
        assertTrue(ServiceTokenStub.allClientCredentials(wm, SourceStubs.CLIENT_BASIC));
    }

    @Test
    @Order(3)
    void oneTokenServesManyDrafts() {
        SourceStubs.allUp(wm);
        Reports.createDraftOk("2022-q1");
        Reports.createDraftOk("2022-q2");
        Reports.createDraftOk("2022-q3");
        assertEquals(0, tokenRequests(), "the token from the previous test is still cached");
        for (String path : SOURCE_PATHS) {
            assertTrue(wm.findAll(getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization",
                    equalTo("Bearer " + SourceStubs.TOKEN))).size() >= 3, path);
        }
    }

    @Test
    @Order(4)
    void aSourceRejectingTheCachedTokenGetsANewOne() {
        // supporter-service rotated its keys: the cached token is refused everywhere, a new one is issued
        wm.resetAll();
        SourceStubs.token(wm, ROTATED);
        SourceStubs.sources(wm, ROTATED);
        wm.stubFor(get(urlPathMatching("/api/v1/.*")).withHeader("Authorization", equalTo("Bearer " + SourceStubs.TOKEN))
                .atPriority(1).willReturn(aResponse().withStatus(401)));

        JsonNode draft = Reports.createDraftOk("2022-q4");
        assertEquals(0, draft.get("missing").size(), draft.get("missing")::toString);
        assertEquals(1, tokenRequests());
        assertEquals(1, wm.findAll(getRequestedFor(urlPathEqualTo(SourceStubs.HASHES))
                .withHeader("Authorization", equalTo("Bearer " + SourceStubs.TOKEN))).size(), "one call with the old token");
        for (String path : SOURCE_PATHS) {
            assertTrue(wm.findAll(getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization",
                    equalTo("Bearer " + ROTATED))).size() >= 1, path + " called with the new token");
        }
    }
}
