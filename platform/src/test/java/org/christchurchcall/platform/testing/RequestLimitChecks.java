package org.christchurchcall.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.LongFunction;

import org.christchurchcall.platform.testing.RawHttp.Body;
import org.christchurchcall.platform.testing.RawHttp.Framing;
import org.christchurchcall.platform.testing.RawHttp.Reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request limits every service shares (docs/operations.md, "Request limits"), checked at
 * their full size with the smallest refused size beside it. Services call these from their own
 * {@code @QuarkusTest}s with their body limit and an endpoint.
 */
public final class RequestLimitChecks {

    /** quarkus.http.limits.max-initial-line-length: method, URI and version, without CRLF. */
    public static final int REQUEST_LINE = 4096;
    /** quarkus.http.limits.max-header-size: every header line, without CRLFs. */
    public static final int HEADERS = 20 * 1024;
    /** How far past the limit a chunked body may be read before the 413 starts: a few TCP segments. */
    public static final long EARLY = 512 * 1024;

    private RequestLimitChecks() {
    }

    public static JsonNode assertProblem(Reply reply, int status, String slug) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.header("content-type"));
        JsonNode problem = reply.json();
        assertEquals(status, problem.get("status").asInt());
        assertEquals("urn:ccall:problem:" + slug, problem.get("type").asText());
        return problem;
    }

    /**
     * A body of exactly {@code limit} bytes gets past the size check (the caller checks what it
     * got), one byte more is refused with 413 problem+json: with Content-Length and chunked.
     */
    public static void bodyLimitHolds(URI base, String method, String path, Map<String, String> headers, long limit,
            LongFunction<Body> bodyOfSize, java.util.function.BiConsumer<Framing, Reply> atLimit) {
        for (Framing framing : Framing.values()) {
            Reply accepted = RawHttp.send(base, method, path, headers, bodyOfSize.apply(limit), framing, Long.MAX_VALUE);
            assertNotEquals(413, accepted.status(), framing + ": " + accepted.body());
            atLimit.accept(framing, accepted);

            Reply refused = RawHttp.send(base, method, path, headers, bodyOfSize.apply(limit + 1), framing,
                    Long.MAX_VALUE);
            JsonNode problem = assertProblem(refused, 413, "payload-too-large");
            assertEquals("the body exceeds the limit of " + limit + " bytes", problem.get("detail").asText());
        }
    }

    /**
     * An oversized body is refused while it is still being sent: a declared Content-Length before
     * any of the body is read, a chunked body as soon as it passes the limit. Returns how many body
     * bytes a chunked sender had written when the 413 arrived.
     */
    public static long refusalIsEarly(URI base, String method, String path, Map<String, String> headers, long limit,
            LongFunction<Body> bodyOfSize) {
        long size = limit + 4L * 1024 * 1024;
        Reply declared = RawHttp.send(base, method, path, headers, bodyOfSize.apply(size), Framing.CONTENT_LENGTH, 0);
        assertProblem(declared, 413, "payload-too-large");
        assertFalse(declared.sentAll(), "a declared oversized body is refused before it is read");
        assertTrue(declared.sentBeforeReply() < limit, "sent " + declared.sentBeforeReply());

        Reply chunked = RawHttp.send(base, method, path, headers, bodyOfSize.apply(size), Framing.CHUNKED, limit);
        assertProblem(chunked, 413, "payload-too-large");
        assertFalse(chunked.sentAll(), "the 413 arrives before the whole body is sent");
        assertTrue(chunked.sentBeforeReply() > limit && chunked.sentBeforeReply() <= limit + EARLY,
                "the 413 arrived after " + chunked.sentBeforeReply() + " bytes for a limit of " + limit);
        System.out.printf("request limits: a chunked body got its 413 after %d bytes were sent, limit %d%n",
                chunked.sentBeforeReply(), limit);
        return chunked.sentBeforeReply();
    }

    /** A request line of exactly the limit is routed (to a 404 here); one byte more is a 414. */
    public static void requestLineLimitHolds(URI base) {
        String prefix = "/no-such-path/";
        String target = prefix + "a".repeat(REQUEST_LINE - "GET ".length() - " HTTP/1.1".length() - prefix.length());
        assertProblem(RawHttp.get(base, target, Map.of()), 404, "not-found");
        assertProblem(RawHttp.get(base, target + "a", Map.of()), 414, "uri-too-long");
    }

    /** Header lines adding up to exactly the limit are accepted; one byte more is a 431. */
    public static void headerLimitHolds(URI base) {
        String host = "Host: " + base.getHost() + ":" + base.getPort();
        String name = "X-Padding";
        int value = HEADERS - host.length() - (name + ": ").length();
        assertProblem(RawHttp.get(base, "/no-such-path", Map.of(name, "v".repeat(value))), 404, "not-found");
        assertProblem(RawHttp.get(base, "/no-such-path", Map.of(name, "v".repeat(value + 1))), 431,
                "headers-too-large");
    }

    /**
     * Java's HttpClient asks a plain-HTTP server for an h2c upgrade on its first request, then
     * sends the rest as HTTP/2 streams. A GET answered over the upgrade and a counted body after it
     * must both be served as over HTTP/1.1 (the upgraded first request once met a 500 here).
     */
    public static void h2cClientsAreServed(URI base, String getPath, String token) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve(getPath))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), "GET " + getPath + " (request " + (i + 1) + ", " + r.version() + "): "
                        + r.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
