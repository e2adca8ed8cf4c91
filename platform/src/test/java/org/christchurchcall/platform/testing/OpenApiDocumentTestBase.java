package org.christchurchcall.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * The OpenAPI document at /q/openapi, read by swagger-parser: every operation has a response
 * schema, a security requirement and examples, and every error is problem+json
 * ({@link OpenApiChecks}); tokens come from supporter-service by client credentials. A service's
 * {@code @QuarkusTest} extends this and names what it exempts.
 */
public abstract class OpenApiDocumentTestBase {

    @TestHTTPResource("/q/openapi?format=json")
    protected URI openApi;

    /** Operations without a security requirement, as "METHOD /path"; public by design. */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    /** Error responses that are not problem+json, as "METHOD /path CODE" (e.g. RFC 6749 token errors). */
    protected Set<String> otherErrorFormats() {
        return Set.of();
    }

    @Test
    void everyOperationIsDocumented() {
        OpenApiChecks.parse(document(), publicOperations()).otherErrorFormats(otherErrorFormats()).assertComplete();
    }

    @Test
    void tokensComeFromSupporterServiceByClientCredentials() throws IOException {
        JsonNode scheme = new ObjectMapper().readTree(document()).path("components").path("securitySchemes").path("oauth2");
        assertEquals("oauth2", scheme.path("type").asText());
        String tokenUrl = scheme.path("flows").path("clientCredentials").path("tokenUrl").asText();
        assertTrue(tokenUrl.endsWith("/oauth2/token"), tokenUrl);
    }

    /** The document; also left in target/openapi.json, so that a failing run leaves it to read. */
    protected String document() {
        String json;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(openApi).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), "GET " + openApi);
            json = response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + openApi, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        try {
            Files.writeString(Path.of("target", "openapi.json"), json);
        } catch (IOException e) {
            // only a convenience
        }
        return json;
    }
}
