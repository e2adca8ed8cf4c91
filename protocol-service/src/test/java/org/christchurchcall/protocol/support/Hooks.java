package org.christchurchcall.protocol.support;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.christchurchcall.platform.webhook.WebhookVerifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** What the webhook receivers got, checked the way a receiver would check it. */
public final class Hooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Hooks() {
    }

    /** Requests received at the supporter's endpoint about the incident, oldest first. */
    public static List<LoggedRequest> received(World.Supporter s, String incidentId) {
        List<LoggedRequest> all = new java.util.ArrayList<>(WireMockPeers.server().findAll(
                postRequestedFor(urlPathEqualTo(s.hook().path())).withRequestBody(containing(incidentId))));
        all.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    public static List<JsonNode> receivedOfType(World.Supporter s, String incidentId, String type) {
        return received(s, incidentId).stream().map(Hooks::body).filter(b -> type.equals(b.path("type").asText()))
                .toList();
    }

    public static JsonNode body(LoggedRequest r) {
        try {
            return JSON.readTree(r.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the Standard Webhooks headers, timestamp and signature with the endpoint's secret. */
    public static void assertSigned(World.Supporter s, LoggedRequest r) {
        String id = r.getHeader("webhook-id");
        String ts = r.getHeader("webhook-timestamp");
        String sig = r.getHeader("webhook-signature");
        assertTrue(id != null && ts != null && sig != null && sig.startsWith("v1,"), "Standard Webhooks headers");
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        // as a receiver would: signature and a timestamp within 5 minutes, raw body bytes
        new WebhookVerifier(s.hook().secret()).verify(id, ts, sig, r.getBody());
    }
}
