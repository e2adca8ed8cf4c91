package org.christchurchcall.hashmatch.support;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Requests as the platform's members make them, with tokens from the platform's test issuer. */
public final class Api {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Api() {
    }

    /** A supporter with its own id; tokens for its clients carry the roles given. */
    public record Member(UUID supporterId, String type) {
        public static Member company() {
            return new Member(UUID.randomUUID(), Roles.COMPANY);
        }

        public static Member government() {
            return new Member(UUID.randomUUID(), Roles.GOVERNMENT);
        }

        public String contributor() {
            return TestTokens.forSupporter(supporterId, type, Roles.HASH_CONTRIBUTOR);
        }

        public String matcher() {
            return TestTokens.forSupporter(supporterId, type, Roles.MATCHER);
        }

        public String token(String... roles) {
            return TestTokens.forSupporter(supporterId, type, roles);
        }
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static RequestSpecification json(String token, Object body) {
        return as(token).contentType(ContentType.JSON).body(body);
    }

    public static String hex(int digits) {
        byte[] b = new byte[digits / 2];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The hash with {@code bits} of its bits flipped: at exactly that Hamming distance. */
    public static String flip(String hex, int bits) {
        char[] c = hex.toCharArray();
        for (int i = 0; i < bits; i++) {
            c[i] = Character.forDigit(Character.digit(c[i], 16) ^ 1, 16);
        }
        return new String(c);
    }

    public static Map<String, Object> pdq(String value, int quality, String... labels) {
        return Map.of("type", "pdq", "value", value, "quality", quality, "labels", List.of(labels));
    }

    public static Map<String, Object> pdq(String value, int quality, UUID incidentId) {
        return Map.of("type", "pdq", "value", value, "quality", quality, "labels",
                List.of("graphic-violence-against-defenceless-people", "image"), "incidentId", incidentId.toString());
    }

    public static Map<String, Object> exact(String type, String value, String... labels) {
        return Map.of("type", type, "value", value, "labels", List.of(labels));
    }

    /** Shares a hash and returns its id. */
    public static String share(String token, Map<String, Object> submission) {
        return json(token, submission).post("/api/v1/hashes").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json");
    }

    /** Reads the feed from {@code cursor} to its end; returns the entries and the final cursor. */
    public static String drain(String token, String cursor, int limit, List<Map<String, Object>> into) {
        while (true) {
            var request = as(token).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/hashes/changes").then().statusCode(200).extract().jsonPath();
            into.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }
}
