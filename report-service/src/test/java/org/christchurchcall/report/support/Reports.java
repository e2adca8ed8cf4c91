package org.christchurchcall.report.support;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.Map;

import org.christchurchcall.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/** Calls the report API the way the secretariat's client would. */
public final class Reports {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Reports() {
    }

    public static Response createDraft(String period) {
        return given().auth().oauth2(TestTokens.secretariat()).contentType("application/json")
                .body(Map.of("period", period)).post("/api/v1/report-drafts");
    }

    public static JsonNode createDraftOk(String period) {
        Response r = createDraft(period);
        r.then().statusCode(201);
        return json(r);
    }

    public static Response publish(String draftId, long version, String overrideReason) {
        String body = overrideReason == null ? "{\"version\":" + version + "}"
                : "{\"version\":" + version + ",\"override\":{\"reason\":" + quote(overrideReason) + "}}";
        return given().auth().oauth2(TestTokens.secretariat()).contentType("application/json").body(body)
                .post("/api/v1/report-drafts/" + draftId + "/publish");
    }

    public static JsonNode json(Response r) {
        try {
            return MAPPER.readTree(r.asByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode table(JsonNode content, String id) {
        for (JsonNode t : content.get("tables")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no table " + id);
    }

    public static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
