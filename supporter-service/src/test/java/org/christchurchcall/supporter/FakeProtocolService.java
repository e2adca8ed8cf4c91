package org.christchurchcall.supporter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * protocol-service as supporter-service asks it about protocol codes: its three seeded protocols
 * (and any a test adds) to bearer-token requests, 404 for other codes, 401 without a token.
 * Started once for every test class (a global test resource).
 */
public class FakeProtocolService implements QuarkusTestResourceLifecycleManager {

    /** protocol-service's seeded protocols (its V2__seed_protocols.sql). */
    public static final List<String> SEEDED = List.of("ccscrp", "gifct-cip", "eu-crisis-protocol");

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        reset();
        String url = "http://localhost:" + server.port();
        return Map.of("ccall.protocol.url", url, "quarkus.rest-client.protocol.url", url);
    }

    /** Healthy, with the seeded protocols. */
    public static void reset() {
        server.resetAll();
        server.stubFor(get(urlPathMatching("/api/v1/protocols/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":401}")));
        server.stubFor(get(urlPathMatching("/api/v1/protocols/.*")).atPriority(5)
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        SEEDED.forEach(FakeProtocolService::serve);
    }

    /** protocol-service has this protocol (as if the secretariat had created it there). */
    public static void serve(String code) {
        server.stubFor(get(urlPathEqualTo("/api/v1/protocols/" + code)).atPriority(1)
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"" + code + "\",\"name\":\"Protocol " + code + "\",\"levels\":[]}")));
    }

    /** Every request is cut off, as when protocol-service is down. */
    public static void down() {
        server.resetAll();
        server.stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
