package org.christchurchcall.platform.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * supporter-service's token endpoint played by WireMock, for services that fetch their own token
 * with the client-credentials grant (Quarkus's OIDC client "supporter").
 */
public final class ServiceTokenStub {

    public static final String PATH = "/oauth2/token";

    private ServiceTokenStub() {
    }

    /** The {@code Authorization} header of a client-credentials request. */
    public static String basic(String clientId, String clientSecret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** The token endpoint hands out {@code accessToken} to the client whose credentials make {@code basic}. */
    public static void serve(WireMockServer wm, String basic, String accessToken) {
        wm.stubFor(post(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo(basic))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
    }

    /** The token requests WireMock has seen since it was last reset. */
    public static List<LoggedRequest> requests(WireMockServer wm) {
        return wm.findAll(postRequestedFor(urlPathEqualTo(PATH)));
    }

    /** Whether every token request so far was a client-credentials grant with these credentials. */
    public static boolean allClientCredentials(WireMockServer wm, String basic) {
        return requests(wm).stream().allMatch(r -> basic.equals(r.getHeader("Authorization"))
                && "grant_type=client_credentials".equals(r.getBodyAsString()));
    }
}
