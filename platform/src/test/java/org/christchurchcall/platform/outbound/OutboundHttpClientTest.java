package org.christchurchcall.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;

/**
 * Real TLS against a local server whose certificate names {@code hooks.test}, a name no DNS
 * knows: the requests that arrive prove the client connected to the address the guard checked
 * and still spoke to the URL's host (Host header, SNI, certificate name).
 */
class OutboundHttpClientTest {

    record Seen(String host, String sni, String uri) {
    }

    /** An upper bound only: a busy build machine can take seconds over a first TLS handshake. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Vertx vertx;
    private static HttpServer server;
    private static final List<Seen> seen = new CopyOnWriteArrayList<>();

    private final MapResolver dns = new MapResolver().map("hooks.test", "127.0.0.1")
            .map("other.test", "127.0.0.1").map("fallback.test", "127.0.0.2", "127.0.0.1")
            .map("evil.test", "10.0.0.1");

    @BeforeAll
    static void server() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(new PfxOptions().setPath("outbound/hooks-test.p12").setPassword("test-only")))
                .requestHandler(req -> {
                    seen.add(new Seen(req.getHeader("Host"), req.connection().indicatedServerName(), req.uri()));
                    if (req.path().equals("/moved")) {
                        req.response().setStatusCode(302).putHeader("Location", "https://hooks.test:"
                                + server.actualPort() + "/elsewhere").end();
                    } else {
                        req.response().setStatusCode(204).end();
                    }
                });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void clear() {
        seen.clear();
    }

    private OutboundHttpClient client(boolean allowLoopback) {
        HttpClientOptions options = new HttpClientOptions().setConnectTimeout(30_000)
                .setTrustOptions(new PemTrustOptions().addCertPath("outbound/hooks-test.crt.pem"));
        return new OutboundHttpClient(vertx, new OutboundGuard(dns, allowLoopback), options, 4);
    }

    private String url(String host, String path) {
        return "https://" + host + ":" + server.actualPort() + path;
    }

    @Test
    void connectsToTheCheckedAddressAndSpeaksToTheNamedHost() throws Exception {
        try (OutboundHttpClient http = client(true)) {
            int lookups = dns.lookups.get();
            int status = http.post(url("hooks.test", "/ccall?x=1"), Map.of("Content-Type", "application/json"), "{}",
                    PATIENCE);
            assertEquals(204, status);
            assertEquals(lookups + 1, dns.lookups.get(), "one lookup, by the guard");
            assertEquals(List.of(new Seen("hooks.test:" + server.actualPort(), "hooks.test", "/ccall?x=1")), seen);
        }
    }

    @Test
    void theCertificateMustNameTheUrlsHostNotTheAddress() {
        try (OutboundHttpClient http = client(true)) {
            IOException e = assertThrows(IOException.class,
                    () -> http.post(url("other.test", "/h"), Map.of(), "{}", PATIENCE));
            assertTrue(e instanceof SSLHandshakeException || e.getCause() instanceof SSLHandshakeException, e.toString());
            assertEquals(List.of(), seen);
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (OutboundHttpClient http = client(true)) {
            assertEquals(302, http.post(url("hooks.test", "/moved"), Map.of(), "{}", PATIENCE));
            assertEquals(List.of("/moved"), seen.stream().map(Seen::uri).toList());
        }
    }

    @Test
    void theNextCheckedAddressIsTriedWhenOneDoesNotConnect() throws Exception {
        // the server listens on 127.0.0.1 only, so 127.0.0.2 refuses the connection
        try (OutboundHttpClient http = client(true)) {
            IOException e = assertThrows(IOException.class,
                    () -> http.post(url("fallback.test", "/h"), Map.of(), "{}", PATIENCE));
            // fallback.test's certificate check fails on the second address: it did connect there
            assertTrue(e instanceof SSLHandshakeException || e.getCause() instanceof SSLHandshakeException, e.toString());
        }
    }

    @Test
    void aRefusedDestinationIsNeverContacted() {
        try (OutboundHttpClient http = client(true)) {
            RefusedDestinationException e = assertThrows(RefusedDestinationException.class,
                    () -> http.post(url("evil.test", "/h"), Map.of(), "{}", PATIENCE));
            assertEquals("evil.test resolves to 10.0.0.1 is in 10.0.0.0/8 (private network, RFC 1918)", e.getMessage());
        }
        try (OutboundHttpClient http = client(false)) {
            RefusedDestinationException e = assertThrows(RefusedDestinationException.class,
                    () -> http.post(url("hooks.test", "/h"), Map.of(), "{}", PATIENCE));
            assertTrue(e.getMessage().contains("127.0.0.0/8 (loopback)"), e.getMessage());
        }
        assertEquals(List.of(), seen);
    }
}
