package org.christchurchcall.supporter.token;

import static org.christchurchcall.supporter.Fixtures.activeSupporter;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.Fixtures;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/** Token requests from many threads at once (java.net.http), optionally naming a forwarded address. */
final class TokenRequests {

    record Credentials(String id, String secret) {
    }

    /** The body is read with Jackson: RestAssured's JsonPath compiles a Groovy script per lookup, far too slow for hundreds. */
    record Answer(int status, String contentType, String retryAfter, Map<String, Object> body) {
        String field(String name) {
            Object v = body.get(name);
            return v == null ? null : v.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TokenRequests() {
    }

    static Credentials newClient() {
        UUID company = activeSupporter("company");
        // a client carries only roles its supporter was granted
        Fixtures.grantRoles(company, Roles.MATCHER);
        JsonPath c = asSecretariat().body(Map.of("name", "Integration", "supporterId", company, "roles",
                List.of(Roles.MATCHER))).post("/api/v1/clients").then().statusCode(201).extract().jsonPath();
        return new Credentials(c.getString("clientId"), c.getString("clientSecret"));
    }

    static Answer token(URI endpoint, String id, String secret, String forwardedFor) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder r = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        if (forwardedFor != null) {
            r.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
                    }));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
