package org.christchurchcall.protocol.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;
import java.util.Map;

import org.christchurchcall.platform.testing.ServiceTokenStub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One WireMock server that plays supporter-service (token endpoint and crisis contacts),
 * hashmatch-service (crisis-hash counts) and the participants' webhook receivers.
 */
public class WireMockPeers implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_SECRET = "test-protocol-secret";
    public static final String SERVICE_TOKEN = "service-token-from-supporter";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    public static String base() {
        return "http://localhost:" + server.port();
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40)
                .asynchronousResponseEnabled(false));
        server.start();
        reset();
        return Map.of(
                "ccall.supporter.url", base(),
                "ccall.hashmatch.url", base(),
                "quarkus.rest-client.supporter.url", base(),
                "quarkus.rest-client.hashmatch.url", base(),
                "ccall.supporter.client-secret", CLIENT_SECRET);
    }

    public static final String CLIENT_BASIC = ServiceTokenStub.basic("protocol-service", CLIENT_SECRET);

    /** The default stubs: every peer healthy, every receiver answering 2xx except the test ones. */
    public static void reset() {
        server.resetAll();
        serveToken(SERVICE_TOKEN);
        serveContacts(World.ALL);
        server.stubFor(get(urlPathEqualTo("/api/v1/hashes/counts"))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"incidentId\":\"00000000-0000-0000-0000-000000000000\",\"total\":1200,\"active\":1180,"
                                + "\"retracted\":20,\"byType\":{\"pdq\":900,\"md5\":200,\"sha256\":100}}")));
        for (String hook : List.of("nz", "fr", "line", "jvc", "ec", "squatter")) {
            server.stubFor(post(urlPathEqualTo("/hooks/" + hook)).willReturn(aResponse().withStatus(204)));
        }
        server.stubFor(post(urlPathEqualTo("/hooks/dead")).willReturn(aResponse().withStatus(500)));
        server.stubFor(post(urlPathEqualTo("/hooks/flaky")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed-once"));
        server.stubFor(post(urlPathEqualTo("/hooks/flaky")).inScenario("flaky").whenScenarioStateIs("failed-once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        server.stubFor(post(urlPathEqualTo("/hooks/flaky")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
    }

    /** supporter-service's token endpoint hands out {@code accessToken} to protocol-service's client credentials. */
    public static void serveToken(String accessToken) {
        ServiceTokenStub.serve(server, CLIENT_BASIC, accessToken);
    }

    public static void serveContacts(List<World.Supporter> supporters) {
        serveContacts(supporters, SERVICE_TOKEN);
    }

    /** The crisis contacts, to requests that carry {@code accessToken}. */
    public static void serveContacts(List<World.Supporter> supporters, String accessToken) {
        server.stubFor(get(urlPathEqualTo("/api/v1/crisis-contacts"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(json(World.contactsPage(base(), supporters)))));
    }

    static String json(Object o) {
        try {
            return new ObjectMapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
