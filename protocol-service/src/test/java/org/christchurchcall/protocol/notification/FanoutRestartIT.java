package org.christchurchcall.protocol.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.platform.webhook.WebhookVerifier;
import org.christchurchcall.protocol.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.restassured.RestAssured;

/**
 * The outbox survives a crash: the packaged application ({@code target/quarkus-app/quarkus-run.jar})
 * is started as a child process, activates a protocol whose 50 participant endpoints answer
 * slowly, is killed with SIGKILL while the fan-out is under way, and is started again. Every
 * endpoint then gets its notification, under the webhook id (and event id) that the first run
 * wrote to the outbox, and de-duplicating by webhook id loses nothing.
 *
 * <p>The application runs with its production profile against the {@code protocol_test} database
 * in a schema of its own (so the surefire tests' clean-at-start does not touch it), trusting the
 * platform's test JWKS, with WireMock as supporter-service and as the 50 receivers.
 */
class FanoutRestartIT {

    private static final int ENDPOINTS = 50;
    private static final String SCHEMA = "fanout_restart_it";
    private static final String CLIENT_SECRET = "it-protocol-secret";
    private static final String SECRETS_KEY = java.util.Base64.getEncoder()
            .encodeToString(new java.security.SecureRandom().generateSeed(32));
    private static final String SERVICE_TOKEN = "it-service-token";
    /** Few senders and slow receivers, so that a kill lands with some rows delivered and most not. */
    private static final int CONCURRENCY = 8;
    private static final int RECEIVER_DELAY_MS = 400;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer peers;
    private static Path work;
    private static Path jwks;
    private static String jdbcUrl;
    private static App running;

    /** One participant endpoint: its supporter, webhook id, WireMock path and signing secret. */
    record Endpoint(UUID supporterId, UUID webhookId, String path, String secret) {
        @Override
        public String toString() {
            return "Endpoint[supporterId=" + supporterId + ", webhookId=" + webhookId + ", path=" + path
                    + ", secret=[redacted]]";
        }
    }

    @BeforeAll
    static void peersAndDatabase() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the application first: " + jar);
        work = Files.createDirectories(Path.of("target", "fanout-restart-it").toAbsolutePath());
        jwks = work.resolve("jwks.json");
        try (InputStream in = FanoutRestartIT.class.getClassLoader().getResourceAsStream("test-keys/jwks.json")) {
            assertTrue(in != null, "the platform test-jar provides test-keys/jwks.json");
            Files.copy(in, jwks, StandardCopyOption.REPLACE_EXISTING);
        }
        String pgPort = System.getenv().getOrDefault("CCALL_TEST_PGPORT", "5432");
        // the database the surefire tests use (bin/ccall test may give a run its own suffix)
        String suffix = System.getenv().getOrDefault("CCALL_TEST_DB_SUFFIX", "");
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + pgPort + "/protocol_test" + suffix + "?currentSchema=" + SCHEMA;
        // a fresh schema: Flyway creates and migrates it on the first start; the second start keeps it
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        peers = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(64)
                .asynchronousResponseEnabled(false));
        peers.start();
    }

    @AfterEach
    void killLeftover() {
        if (running != null) {
            running.kill();
            running = null;
        }
        RestAssured.reset();
    }

    @AfterAll
    static void stopPeers() {
        if (peers != null) {
            peers.stop();
        }
    }

    @Test
    void aServiceKilledMidFanoutDeliversEveryNotificationWithItsOriginalIdAfterARestart() throws Exception {
        List<Endpoint> endpoints = endpoints();
        stubSupporterService(endpoints);
        peers.stubFor(post(urlPathMatching("/hooks/.*"))
                .willReturn(aResponse().withStatus(204).withFixedDelay(RECEIVER_DELAY_MS)));

        running = App.start("first-run");
        String coordinator = TestTokens.withRoles("secretariat", "crisis-coordinator");
        String incidentId = Fixtures.reportIncident(TestTokens.secretariat(), List.of("ccscrp"), false);
        Fixtures.transition(coordinator, incidentId, "assessing", null, null).statusCode(200);
        Fixtures.activate(coordinator, incidentId, "ccscrp", "coordinated-response").statusCode(201);
        UUID incident = UUID.fromString(incidentId);

        // SIGKILL once the first wave of deliveries has reached the receivers, well before the last
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> hookRequests(incidentId).size() >= CONCURRENCY + 2);
        assertEquals(137, running.kill(), "killed by SIGKILL (128 + 9)");
        running = null;

        Map<UUID, Row> outbox = outbox(incident);
        assertEquals(ENDPOINTS, outbox.size(), "the activation queued one row per endpoint");
        long deliveredBeforeKill = outbox.values().stream().filter(r -> r.status.equals("delivered")).count();
        assertTrue(deliveredBeforeKill < ENDPOINTS,
                "the kill landed mid fan-out (" + deliveredBeforeKill + " of " + ENDPOINTS + " delivered)");
        Set<UUID> eventIds = outbox.values().stream().map(Row::eventId).collect(Collectors.toSet());
        assertEquals(1, eventIds.size(), "one activation event");
        UUID eventId = eventIds.iterator().next();
        int receivedBeforeKill = hookRequests(incidentId).size();

        running = App.start("second-run");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> count(
                "select count(*) from notification where incident_id = ? and status = 'delivered'", incident)
                == ENDPOINTS);

        // what the receivers got, checked and de-duplicated the way a receiver would
        List<LoggedRequest> received = hookRequests(incidentId);
        Map<String, Endpoint> byPath = endpoints.stream().collect(Collectors.toMap(Endpoint::path, e -> e));
        Map<String, Set<String>> idsByEndpoint = new HashMap<>();
        for (LoggedRequest r : received) {
            Endpoint e = byPath.get(r.getUrl());
            assertTrue(e != null, "a request to a known endpoint: " + r.getUrl());
            String webhookId = r.getHeader("webhook-id");
            assertTrue(new WebhookVerifier(e.secret()).isValid(webhookId, r.getHeader("webhook-timestamp"),
                    r.getHeader("webhook-signature"), r.getBody()), "signed with the endpoint's secret, current");
            JsonNode body = JSON.readTree(r.getBodyAsString());
            assertEquals(eventId.toString(), body.path("eventId").asText(), "the original event id");
            assertEquals("incident.activated", body.path("type").asText());
            idsByEndpoint.computeIfAbsent(e.path(), k -> new HashSet<>()).add(webhookId);
        }
        assertEquals(ENDPOINTS, idsByEndpoint.size(), "every endpoint received its notification");
        for (Endpoint e : endpoints) {
            Row row = outbox.values().stream().filter(r -> r.endpointId.equals(e.webhookId())).findFirst()
                    .orElseThrow();
            assertEquals(Set.of(row.id.toString()), idsByEndpoint.get(e.path()),
                    "after de-duplication " + e.path() + " got exactly the webhook id the first run wrote");
        }
        Set<String> distinctIds = received.stream().map(r -> r.getHeader("webhook-id")).collect(Collectors.toSet());
        assertEquals(outbox.keySet().stream().map(UUID::toString).collect(Collectors.toSet()), distinctIds,
                "nothing lost, nothing new: the received ids are the outbox ids of the first run");
        assertEquals(ENDPOINTS, count("select count(*) from notification where incident_id = ?", incident),
                "the restart queued nothing again");
        assertTrue(received.size() > receivedBeforeKill, "the second run delivered what the first did not");
        System.out.printf("FanoutRestartIT: SIGKILL with %d of %d rows delivered and %d requests received; "
                + "%d requests in all, %d distinct webhook ids%n", deliveredBeforeKill, ENDPOINTS, receivedBeforeKill,
                received.size(), distinctIds.size());

        // the timeline stayed a valid hash chain across the crash, and shows every delivery once
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/incidents/" + incidentId + "/timeline/verify")
                .then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true));
        assertEquals(ENDPOINTS, count("select count(*) from timeline_entry where incident_id = ? and kind = ?",
                incident, "notification-delivered"));
        assertFalse(running.log().contains("Exception in thread"), "no thread died in the second run");
    }

    // --- the world -------------------------------------------------------------------------

    private static List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < ENDPOINTS; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            out.add(new Endpoint(UUID.randomUUID(), UUID.randomUUID(), String.format("/hooks/p%02d", i),
                    "whsec_" + Base64.getEncoder().encodeToString(key)));
        }
        return out;
    }

    /** supporter-service's token endpoint and crisis contacts: one supporter per endpoint, all on ccscrp. */
    private static void stubSupporterService(List<Endpoint> endpoints) throws IOException {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString(("protocol-service:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        peers.stubFor(post(urlPathEqualTo("/oauth2/token")).withHeader("Authorization", equalTo(basic))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":900}")));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Endpoint e : endpoints) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("supporterId", e.supporterId().toString());
            item.put("supporterName", "Participant " + e.path().substring("/hooks/".length()));
            item.put("supporterType", "company");
            item.put("country", "NZ");
            item.put("protocols", List.of("ccscrp"));
            item.put("contactPoints", List.of());
            item.put("webhooks", List.of(Map.of("id", e.webhookId().toString(), "url", base() + e.path(),
                    "protocols", List.of("ccscrp"), "signingSecret", e.secret(), "active", true)));
            items.add(item);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", null);
        page.put("nextCursor", null);
        peers.stubFor(get(urlPathEqualTo("/api/v1/crisis-contacts"))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsString(page))));
        peers.stubFor(get(urlPathEqualTo("/api/v1/hashes/counts")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"total\":0,\"active\":0,\"retracted\":0,"
                        + "\"byType\":{}}")));
    }

    private static String base() {
        return "http://127.0.0.1:" + peers.port();
    }

    private static List<LoggedRequest> hookRequests(String incidentId) {
        return peers.findAll(postRequestedFor(urlPathMatching("/hooks/.*")).withRequestBody(containing(incidentId)));
    }

    // --- the database ----------------------------------------------------------------------

    record Row(UUID id, UUID eventId, UUID endpointId, String status) {
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private static Map<UUID, Row> outbox(UUID incident) throws SQLException {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "select id, event_id, endpoint_id, status from notification where incident_id = ? order by seq")) {
            ps.setObject(1, incident);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4));
                    rows.put(r.id(), r);
                }
            }
        }
        return rows;
    }

    private static long count(String sql, Object... args) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // --- the application under test --------------------------------------------------------

    /** The packaged service as a child process; {@link #kill()} is SIGKILL on Linux. */
    static final class App {

        private final Process process;
        private final Path log;

        private App(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static App start(String name) throws IOException {
            int port = freePort();
            Path log = work.resolve(name + ".log");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx512m");
            Map<String, String> props = new LinkedHashMap<>();
            props.put("quarkus.http.port", Integer.toString(port));
            props.put("quarkus.datasource.jdbc.url", jdbcUrl);
            props.put("quarkus.datasource.username", "postgres");
            props.put("quarkus.datasource.password", "");
            props.put("quarkus.flyway.schemas", SCHEMA);
            props.put("ccall.token.jwks-location", jwks.toString());
            props.put("ccall.supporter.url", base());
            props.put("ccall.supporter.client-secret", CLIENT_SECRET);
            props.put("ccall.secrets.keys.it", SECRETS_KEY);
            props.put("ccall.secrets.active-key", "it");
            props.put("ccall.hashmatch.url", base());
            props.put("ccall.delivery.concurrency", Integer.toString(CONCURRENCY));
            // a short lease so that rows claimed by the killed process come back quickly
            props.put("ccall.delivery.lease", "PT2S");
            props.put("ccall.delivery.request-timeout", "PT5S");
            props.put("ccall.delivery.backoff-base", "PT0.2S");
            props.put("ccall.delivery.poll-every", "1s");
            props.put("ccall.contacts.refresh-delay", "1h");
            // the receivers are WireMock on the loopback interface
            props.put("ccall.delivery.allow-loopback-http", "true");
            props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.add("-jar");
            cmd.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            App app = new App(p, log);
            app.awaitReady(port);
            RestAssured.baseURI = "http://127.0.0.1";
            RestAssured.port = port;
            return app;
        }

        private void awaitReady(int port) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited during start-up:\n" + log());
                }
                try {
                    return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        }

        /** SIGKILL: no shutdown hook, no graceful drain, in-flight requests cut off. */
        int kill() {
            process.destroyForcibly();
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        String log() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
