package org.christchurchcall.protocol.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The live-update stream read by a real HTTP client, as a portal would. */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class IncidentEventsTest {

    @TestHTTPResource("/api/v1/incidents/events")
    URL events;

    static final ObjectMapper JSON = new ObjectMapper();

    /** Opens the stream and collects its data lines in the background. */
    Subscription open(String token) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(events.toString())).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> res = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Subscription s = new Subscription(res.body());
        Thread t = new Thread(s::read, "sse-reader");
        t.setDaemon(true);
        t.start();
        return s;
    }

    static final class Subscription {
        final InputStream in;
        final Queue<JsonNode> events = new ConcurrentLinkedQueue<>();

        Subscription(InputStream in) {
            this.in = in;
        }

        void read() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.add(JSON.readTree(line.substring(5).trim()));
                    }
                }
            } catch (Exception closed) {
                // the test is over and closed the stream
            }
        }

        List<JsonNode> about(String incidentId) {
            return events.stream().filter(e -> incidentId.equals(e.path("incidentId").asText())).toList();
        }

        void close() throws Exception {
            in.close();
        }
    }

    @Test
    void subscribersSeeTheEventsOfIncidentsTheyMaySeeAndNoOthers() throws Exception {
        Subscription secretariat = open(TestTokens.secretariat());
        Subscription jvc = open(World.JVC.member());
        Subscription fr = open(World.FR.member());
        try {
            String exercise = Fixtures.activeIncident("ccscrp", "awareness", true);
            await().atMost(Duration.ofSeconds(15)).until(() -> secretariat.about(exercise).stream()
                    .anyMatch(e -> "activation-in-effect".equals(e.path("kind").asText())));
            await().atMost(Duration.ofSeconds(15)).until(() -> fr.about(exercise).stream()
                    .anyMatch(e -> "activation-in-effect".equals(e.path("kind").asText())));
            JsonNode first = secretariat.about(exercise).get(0);
            assertEquals("incident-reported", first.path("kind").asText());
            assertTrue(first.path("exercise").asBoolean());
            assertEquals("exercise", first.path("classification").asText());
            assertTrue(first.path("data").path("exercise").asBoolean());
            // jeuxvideo.com takes part in gifct-cip only: nothing about a ccscrp incident reaches it
            String gifct = Fixtures.reportIncident(World.JVC.member(), List.of("gifct-cip"), false);
            await().atMost(Duration.ofSeconds(15)).until(() -> !jvc.about(gifct).isEmpty());
            assertFalse(jvc.about(gifct).get(0).path("exercise").asBoolean());
            assertTrue(jvc.about(exercise).isEmpty());
            assertTrue(fr.about(gifct).isEmpty());
        } finally {
            secretariat.close();
            jvc.close();
            fr.close();
        }
    }

    @Test
    void theStreamNeedsAToken() throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, res.statusCode());
        HttpResponse<String> auditor = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + TestTokens.withRoles("auditor"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, auditor.statusCode());
    }
}
