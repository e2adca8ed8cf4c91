package org.christchurchcall.report.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.christchurchcall.report.support.Reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The few HTTP calls a client of the platform makes: JSON in and out with a bearer token, and the
 * client-credentials grant at supporter-service's token endpoint. Redirects are not followed, so
 * that a 307 can be checked.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    /** An answer: status, headers and body, with the request named for failure messages. */
    public record Reply(String request, int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return Reports.json(text());
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** This reply, if its status is {@code expected}; otherwise an AssertionError that shows the body. */
        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError(request + " answered " + status + ", expected " + expected + ": " + text());
            }
            return this;
        }
    }

    public static Reply get(String url, String token) {
        return send("GET", url, token, null);
    }

    public static Reply post(String url, String token, Object body) {
        return send("POST", url, token, body);
    }

    public static Reply delete(String url, String token) {
        return send("DELETE", url, token, null);
    }

    public static Reply send(String method, String url, String token, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/html, text/csv, application/zip, */*");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(method + " " + url, b.build());
    }

    /** An access token for a client of supporter-service (OAuth 2.0 client credentials, HTTP Basic). */
    public static String token(String supporterUrl, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create(supporterUrl + "/oauth2/token")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return exchange("token for " + clientId, r).expect(200).json().get("access_token").asText();
    }

    private static Reply exchange(String name, HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(name, r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(name + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    private static String write(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return Reports.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a request body", e);
        }
    }
}
