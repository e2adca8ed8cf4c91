package org.christchurchcall.report.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.christchurchcall.platform.testing.ServiceTokenStub;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The three sources' answers, copied from the shapes their real DTOs return (see the JSON files in
 * src/test/resources/sources). Every aggregate stub demands the bearer token that the token stub
 * hands out to report-service's client credentials, so a call without it gets WireMock's 404.
 */
public final class SourceStubs {

    public static final String TOKEN = "report-service-token-1";
    public static final String CLIENT_BASIC = ServiceTokenStub.basic("report-service", "test-report-secret");
    public static final String HASHES = "/api/v1/hashes/aggregates";
    public static final String INCIDENTS = "/api/v1/incidents/aggregates";
    public static final String MEMBERSHIP = "/api/v1/supporters/aggregates";
    public static final String STOCKTAKES = "/api/v1/stocktakes";
    public static final String SUMMARY = "/api/v1/stocktakes/5c1c0c7e-0000-4000-8000-000000002024/summary";

    private SourceStubs() {
    }

    public static String fixture(String name) {
        try (InputStream in = SourceStubs.class.getResourceAsStream("/sources/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resets WireMock and answers every source with the fixtures. */
    public static void allUp(WireMockServer wm) {
        wm.resetAll();
        token(wm);
        sources(wm, TOKEN);
    }

    public static void token(WireMockServer wm) {
        token(wm, TOKEN);
    }

    /** The token endpoint hands out {@code accessToken} to report-service's client credentials. */
    public static void token(WireMockServer wm, String accessToken) {
        ServiceTokenStub.serve(wm, CLIENT_BASIC, accessToken);
    }

    /** Every source answers with the fixtures to {@code accessToken}. */
    public static void sources(WireMockServer wm, String accessToken) {
        hashes(wm, fixture("hash-aggregates.json"), accessToken);
        incidents(wm, fixture("incident-aggregates.json"), accessToken);
        membership(wm, fixture("membership-aggregates.json"), accessToken);
        stocktakes(wm, accessToken);
    }

    public static void hashes(WireMockServer wm, String body) {
        hashes(wm, body, TOKEN);
    }

    static void hashes(WireMockServer wm, String body, String accessToken) {
        wm.stubFor(get(urlPathEqualTo(HASHES)).withHeader("Authorization", equalTo("Bearer " + accessToken)).willReturn(json(body)));
    }

    public static void incidents(WireMockServer wm, String body) {
        incidents(wm, body, TOKEN);
    }

    static void incidents(WireMockServer wm, String body, String accessToken) {
        wm.stubFor(get(urlPathEqualTo(INCIDENTS)).withHeader("Authorization", equalTo("Bearer " + accessToken)).willReturn(json(body)));
    }

    public static void membership(WireMockServer wm, String body) {
        membership(wm, body, TOKEN);
    }

    static void membership(WireMockServer wm, String body, String accessToken) {
        wm.stubFor(get(urlPathEqualTo(MEMBERSHIP)).withHeader("Authorization", equalTo("Bearer " + accessToken)).willReturn(json(body)));
    }

    public static void stocktakes(WireMockServer wm) {
        stocktakes(wm, TOKEN);
    }

    static void stocktakes(WireMockServer wm, String accessToken) {
        wm.stubFor(get(urlPathEqualTo(STOCKTAKES)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withQueryParam("cursor", absent()).willReturn(json(fixture("stocktakes-page1.json"))));
        wm.stubFor(get(urlPathEqualTo(STOCKTAKES)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withQueryParam("cursor", equalTo("cGFnZTI")).willReturn(json(fixture("stocktakes-page2.json"))));
        // every stocktake answers with the same counts; the report names the stocktake it chose
        wm.stubFor(get(urlPathMatching("/api/v1/stocktakes/[0-9a-f-]+/summary")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(json(fixture("stocktake-summary.json"))));
    }

    public static void down(WireMockServer wm, String path) {
        wm.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":503,\"title\":\"Service unavailable\"}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
