package org.christchurchcall.platform.testing.authz;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.christchurchcall.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs an {@link AuthorizationMatrix} against a running service: first checks that the table and
 * the service's OpenAPI document name the same operations, then sends every cell's request with
 * its persona's token and compares the status with the expected outcome. Every mismatch is
 * collected and reported at once.
 */
public final class MatrixRunner {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final int EXCERPT = 240;
    private static final String BOUNDARY = "authz-matrix-boundary";

    private final AuthorizationMatrix matrix;
    private final URI base;
    private final MatrixFixtures fixtures;
    private HttpClient http = newClient();

    /** An operation as the OpenAPI document describes it. */
    record ApiOperation(String method, String path, Map<String, JsonNode> pathParams, List<String> bodyTypes) {
    }

    private MatrixRunner(AuthorizationMatrix matrix, URI base, MatrixFixtures fixtures) {
        this.matrix = matrix;
        this.base = base;
        this.fixtures = fixtures;
    }

    /**
     * Verifies the matrix against the service at {@code base} (the test's HTTP root, e.g. from
     * {@code @TestHTTPResource("/")}); throws one AssertionError listing every mismatch.
     */
    public static void verify(AuthorizationMatrix matrix, URI base, MatrixFixtures fixtures) {
        new MatrixRunner(matrix, base.toString().endsWith("/") ? base : URI.create(base + "/"), fixtures).run();
    }

    private void run() {
        Map<String, ApiOperation> operations = openApiOperations();
        List<String> problems = new ArrayList<>();

        Set<String> covered = new LinkedHashSet<>();
        for (MatrixRow row : matrix.rows()) {
            if (!operations.containsKey(row.operation())) {
                problems.add(where(row) + row.operation() + " is not an operation of the service's OpenAPI document");
            }
            covered.add(row.operation());
        }
        for (String op : new TreeSet<>(operations.keySet())) {
            if (!covered.contains(op)) {
                problems.add(matrix.source() + ": no row for " + op);
            }
        }

        int cells = 0;
        int mismatches = 0;
        for (MatrixRow row : matrix.rows()) {
            ApiOperation op = operations.get(row.operation());
            if (op == null) {
                continue;
            }
            for (Persona p : Persona.values()) {
                Outcome expected = row.expected(p);
                if (row.target() == Target.OWN && !p.actsForSupporter() && expected != Outcome.NOT_APPLICABLE) {
                    problems.add(where(row) + row + " as " + p.column() + ": write '-', " + p.column()
                            + " acts for no supporter and so owns nothing");
                    continue;
                }
                if (expected == Outcome.NOT_APPLICABLE) {
                    continue;
                }
                cells++;
                // a token per request, so that a long table outlives no token
                String result = check(row, op, p, token(p), expected);
                if (result != null) {
                    mismatches++;
                    problems.add(result);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(matrix.source() + ": " + mismatches + " of " + cells
                    + " cells differ from the service, and " + (problems.size() - mismatches) + " other problems:\n  "
                    + String.join("\n  ", problems));
        }
        System.out.printf("%s: all %d cells of %d rows agree with the service%n", matrix.source(), cells,
                matrix.rows().size());
    }

    private String check(MatrixRow row, ApiOperation op, Persona p, String token, Outcome expected) {
        UUID supporter = fixtures.supporterOf(p);
        UUID owner = switch (row.target()) {
            case ANY -> null;
            case OWN -> supporter;
            case OTHER -> fixtures.otherSupporter();
        };
        MatrixCell cell = new MatrixCell(row, p, supporter, owner);
        op.pathParams().forEach((name, schema) -> cell.defaultParam(name, madeUp(schema)));
        if (!op.bodyTypes().isEmpty()) {
            String type = bodyType(op.bodyTypes());
            cell.defaultBody(type.startsWith("multipart/") ? type + "; boundary=" + BOUNDARY : type, defaultBody(type));
        }
        try {
            fixtures.prepare(cell);
        } catch (RuntimeException | AssertionError e) {
            return where(row) + row + " as " + p.column() + ": preparing the request failed: " + e;
        }
        if (row.target() != Target.ANY && !cell.prepared()) {
            return where(row) + row + " as " + p.column() + ": an " + row.target().code()
                    + " row needs real ids, but the fixtures filled in nothing";
        }
        String path = row.path();
        for (Map.Entry<String, String> e : cell.pathParams().entrySet()) {
            path = path.replace("{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        StringBuilder query = new StringBuilder();
        cell.queryParams().forEach((k, v) -> query.append(query.length() == 0 ? "?" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String request = row.method() + " " + path + query;
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path.substring(1) + query))
                .timeout(Duration.ofSeconds(30))
                .method(row.method(), cell.bodyBytes() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(cell.bodyBytes()));
        if (cell.bodyBytes() != null) {
            r.header("Content-Type", cell.contentType());
        }
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        int status;
        String excerpt;
        try {
            HttpResponse<InputStream> response = http.send(r.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            // an event stream that was let through never ends: its headers are enough
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            try (InputStream body = response.body()) {
                if (stream) {
                    excerpt = "(event stream)";
                } else {
                    // read to the end: a connection left mid-body would fail the next request on it
                    byte[] all = body.readAllBytes();
                    excerpt = new String(all, 0, Math.min(all.length, EXCERPT), StandardCharsets.UTF_8);
                }
            }
            if (stream) {
                // and a fresh client, so that no later request reuses the abandoned connection
                http = newClient();
            }
        } catch (IOException e) {
            return where(row) + row + " as " + p.column() + ": " + request + " failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (expected.matches(status, row.target())) {
            return null;
        }
        return where(row) + row + " as " + p.column() + ": expected " + expected.code() + ", got " + status + " for "
                + request + " -> " + excerpt.replaceAll("\\s+", " ");
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private String where(MatrixRow row) {
        return matrix.source() + ":" + row.line() + ": ";
    }

    private String token(Persona p) {
        UUID supporter = fixtures.supporterOf(p);
        if (p == Persona.ANONYMOUS) {
            return null;
        }
        TestTokens.Builder b = TestTokens.builder().subject("matrix-" + p.column());
        if (p.actsForSupporter()) {
            b.supporter(supporter, p.supporterType());
        }
        return b.roles(p.role()).sign();
    }

    /** Every operation of the service's OpenAPI document, keyed "METHOD /path/{template}". */
    Map<String, ApiOperation> openApiOperations() {
        HttpRequest r = HttpRequest.newBuilder(base.resolve("q/openapi?format=json")).timeout(Duration.ofSeconds(30))
                .GET().build();
        JsonNode doc;
        try {
            HttpResponse<byte[]> response = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /q/openapi?format=json answered " + response.statusCode());
            }
            doc = Json.read(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, ApiOperation> ops = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Map<String, JsonNode> shared = pathParams(path.getValue().path("parameters"));
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!METHODS.contains(m.getKey())) {
                    continue;
                }
                Map<String, JsonNode> params = new LinkedHashMap<>(shared);
                params.putAll(pathParams(m.getValue().path("parameters")));
                List<String> bodyTypes = new ArrayList<>();
                m.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(bodyTypes::add);
                String method = m.getKey().toUpperCase(Locale.ROOT);
                ops.put(method + " " + path.getKey(), new ApiOperation(method, path.getKey(), params, bodyTypes));
            }
        }
        return ops;
    }

    private static Map<String, JsonNode> pathParams(JsonNode parameters) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode p : parameters) {
            if ("path".equals(p.path("in").asText())) {
                out.put(p.path("name").asText(), p.path("schema"));
            }
        }
        return out;
    }

    /** A value that names nothing but passes the parameter's type and pattern. */
    private static String madeUp(JsonNode schema) {
        String type = schema.path("type").asText("string");
        if ("integer".equals(type) || "number".equals(type)) {
            return "1";
        }
        return UUID.randomUUID().toString();
    }

    /** JSON where the operation takes it, else a raw or form body, multipart last. */
    private static String bodyType(List<String> types) {
        if (types.contains("application/json")) {
            return "application/json";
        }
        return types.stream().filter(t -> !t.startsWith("multipart/")).findFirst().orElse(types.get(0));
    }

    private static byte[] defaultBody(String contentType) {
        if (contentType.startsWith("multipart/")) {
            return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\nabc\r\n--" + BOUNDARY + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (contentType.startsWith("application/json")) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return new byte[0];
        }
        return new byte[] { 1, 2, 3 };
    }
}
