package org.christchurchcall.hashmatch.replica;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two replicas of the packaged service (two processes of {@code target/quarkus-app/quarkus-run.jar})
 * on one database: a hash written through one is matchable through the other within 2 seconds,
 * and a retraction through one stops matches on the other within 2 seconds.
 *
 * <p>The replicas run with the production profile against the test database, in a schema of their
 * own so that the surefire tests' clean-at-start does not touch it, trusting the platform's test JWKS.
 */
class TwoReplicasIT {

    private static final String SCHEMA = "two_replicas_it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final List<Process> PROCESSES = new ArrayList<>();
    private static Path work;
    private static Path jwks;
    private static String jdbcUrl;

    @BeforeAll
    static void database() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the application first: " + jar);
        work = Files.createDirectories(Path.of("target", "two-replicas-it").toAbsolutePath());
        jwks = work.resolve("jwks.json");
        try (InputStream in = TwoReplicasIT.class.getClassLoader().getResourceAsStream("test-keys/jwks.json")) {
            assertTrue(in != null, "the platform test-jar provides test-keys/jwks.json");
            Files.copy(in, jwks, StandardCopyOption.REPLACE_EXISTING);
        }
        String port = System.getenv().getOrDefault("CCALL_TEST_PGPORT", "5432");
        String suffix = System.getenv().getOrDefault("CCALL_TEST_DB_SUFFIX", "");
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/hashmatch_test" + suffix + "?currentSchema=" + SCHEMA;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @AfterAll
    static void stop() {
        PROCESSES.forEach(Process::destroyForcibly);
    }

    @Test
    void aHashWrittenThroughOneReplicaMatchesOnTheOtherWithinTwoSeconds() throws Exception {
        String a = start("replica-a");
        String b = start("replica-b");
        UUID supporter = UUID.randomUUID();
        String contributor = TestTokens.forSupporter(supporter, Roles.COMPANY, Roles.HASH_CONTRIBUTOR);
        String matcher = TestTokens.forSupporter(UUID.randomUUID(), Roles.GOVERNMENT, Roles.MATCHER);
        String hash = "938c1d96336a66c4f64c9db21a86398ff778aeb2c946b791ed4c5a7524e3400e";
        String query = "938c1d96336a66c4f64c9db21a86398ff778aeb2c946b791ed4c5a7524e3400f"; // 1 bit away
        assertEquals(0, matches(b, matcher, query), "nothing is shared yet");

        HttpResponse<String> created = post(a, contributor, "/api/v1/hashes", "{\"type\":\"pdq\",\"value\":\"" + hash
                + "\",\"quality\":100,\"labels\":[\"glorification-of-terrorist-acts\"]}");
        long written = System.nanoTime();
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> matches(b, matcher, query) == 1);
        long visibleMs = (System.nanoTime() - written) / 1_000_000;
        System.out.println("two replicas: a new hash matched on the other replica after " + visibleMs + " ms");

        HttpResponse<String> retracted = post(a, contributor, "/api/v1/hashes/" + id + "/retraction", "");
        long retractedAt = System.nanoTime();
        assertEquals(200, retracted.statusCode(), retracted.body());
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> matches(b, matcher, query) == 0);
        System.out.println("two replicas: a retraction stopped matches on the other replica after "
                + (System.nanoTime() - retractedAt) / 1_000_000 + " ms");
    }

    private static int matches(String base, String token, String pdq) throws Exception {
        HttpResponse<String> r = post(base, token, "/api/v1/match", "{\"queries\":[{\"type\":\"pdq\",\"value\":\"" + pdq + "\"}]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode results = JSON.readTree(r.body()).get("results");
        return results.get(0).get("matches").size();
    }

    private static HttpResponse<String> post(String base, String token, String path, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
        if (body.isEmpty()) {
            req.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts one replica and returns its base URL once it is ready (its index built). */
    private static String start(String name) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = work.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.flyway.schemas=" + SCHEMA,
                "-Dccall.token.jwks-location=" + jwks,
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PROCESSES.add(p);
        String base = "http://127.0.0.1:" + port;
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + Files.readString(log));
            }
            try {
                return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return base;
    }
}
