package org.christchurchcall.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.christchurchcall.platform.webhook.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class DemoWebhookReceiverTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String BODY = "{\"type\":\"incident.activated\",\"incident\":{\"id\":\"6f1c\"}}";

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    HttpServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = new DemoWebhookReceiver(SECRET, new PrintStream(out, true, StandardCharsets.UTF_8)).listen(0);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    int post(String secret, String id) throws Exception {
        long ts = Instant.now().getEpochSecond();
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/demo-company")).header("webhook-id", id).header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", WebhookSignature.sign(secret, id, ts, BODY))
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aSignedDeliveryIsVerifiedAndLoggedAndOneSignedWithAnotherSecretIsRejected() throws Exception {
        assertEquals(204, post(SECRET, "msg_1"));
        assertEquals(204, post(SECRET, "msg_1"));
        assertEquals(401, post("whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldC0x", "msg_2"));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].endsWith(" verified incident.activated incident=6f1c webhook-id=msg_1 endpoint=/demo-company"),
                lines[0]);
        assertTrue(lines[1].contains(" verified repeat incident.activated"), lines[1]);
        assertTrue(lines[2].contains(" REJECTED (no-matching-signature: ") && lines[2].endsWith("webhook-id=msg_2 endpoint=/demo-company"),
                lines[2]);
    }
}
