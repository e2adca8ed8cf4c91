package org.christchurchcall.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The services' JSON API as the benches call it: the JDK's HTTP client, Jackson for the bodies,
 * bearer tokens from supporter-service's client-credentials grant. A status other than the
 * expected one fails the bench with the service's answer.
 */
final class JsonApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /**
     * HTTP/1.1 as the services are called behind their ingress: the JDK client's default is to ask
     * for an h2c upgrade on the first request, which the services answer with 500 on REST
     * endpoints (seen 2026-12-07: "Request has already been read").
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** An access token for an API client ({@code POST /oauth2/token} on supporter-service). */
    String token(String supporterUrl, String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(supporterUrl + "/oauth2/token")).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return send(req, 200, "token for " + clientId).path("access_token").asText();
    }

    JsonNode post(String url, String token, Object body, int status) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        return send(req, status, "POST " + url);
    }

    /** A PUT without a body (granting an entitlement): 201 the first time, 200 when already held. */
    JsonNode put(String url, String token) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != 200 && res.statusCode() != 201) {
            throw new IllegalStateException("PUT " + url + " answered " + res.statusCode() + ": "
                    + new String(res.body(), StandardCharsets.UTF_8));
        }
        return res.body().length == 0 ? null : JSON.readTree(res.body());
    }

    JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        return send(req, 200, "GET " + url);
    }

    private JsonNode send(HttpRequest req, int status, String what) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + res.statusCode() + " (expected " + status + "): "
                    + new String(res.body(), StandardCharsets.UTF_8));
        }
        return res.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(res.body());
    }
}
