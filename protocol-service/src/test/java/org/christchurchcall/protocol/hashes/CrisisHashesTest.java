package org.christchurchcall.protocol.hashes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class CrisisHashesTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void restore() {
        WireMockPeers.reset();
        breakers.resetAll();
    }

    @Test
    void anIncidentShowsItsCrisisHashCountAndLinksToTheHashes() {
        String id = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        given().auth().oauth2(World.NZ.member()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("crisisHashes.status", equalTo("available")).body("crisisHashes.total", equalTo(1200))
                .body("crisisHashes.retracted", equalTo(20)).body("crisisHashes.byType.pdq", equalTo(900))
                .body("crisisHashes.href", endsWith("/api/v1/hashes?incidentId=" + id));
    }

    @Test
    void whenHashmatchIsUnavailableTheCountIsUnknownNotZero() {
        WireMockPeers.server().stubFor(get(urlPathEqualTo("/api/v1/hashes/counts"))
                .willReturn(aResponse().withStatus(503)));
        String id = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        given().auth().oauth2(World.NZ.member()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("crisisHashes.status", equalTo("unknown")).body("crisisHashes.total", nullValue())
                .body("crisisHashes.href", endsWith("/api/v1/hashes?incidentId=" + id))
                .body("status", equalTo("reported"));
    }
}
