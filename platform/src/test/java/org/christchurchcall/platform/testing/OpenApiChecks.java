package org.christchurchcall.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What every service's OpenAPI document must say, checked on the document a service serves at
 * {@code /q/openapi} after it is read by swagger-parser (a well-kept OpenAPI parser, so that a
 * document our own code could read but others could not fails too):
 * <ul>
 * <li>the parser reports no errors;</li>
 * <li>every operation documents a 2xx response with a schema (204 and 3xx need none);</li>
 * <li>every operation has a security requirement, unless it is on the explicit public list;</li>
 * <li>every operation shows an example: of its request body when it has one, and of a response
 * (on the media type, or on the response's schema or the properties of that schema);</li>
 * <li>every 4xx and 5xx response is {@code application/problem+json} with a schema, unless listed
 * as answered in another format on purpose (the token endpoint's RFC 6749 errors);</li>
 * <li>a {@code limit} parameter is an integer with a minimum, a maximum and a default.</li>
 * </ul>
 * {@link #problems} lists every finding, so that one run names all that is missing.
 */
public final class OpenApiChecks {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final OpenAPI api;
    private final List<String> parserMessages;
    private final Set<String> publicOperations;
    private Set<String> otherErrorFormats = Set.of();

    private OpenApiChecks(OpenAPI api, List<String> parserMessages, Set<String> publicOperations) {
        this.api = api;
        this.parserMessages = parserMessages;
        this.publicOperations = publicOperations;
    }

    /** Error responses ({@code "POST /oauth2/token 400"}) that are not problem+json on purpose. */
    public OpenApiChecks otherErrorFormats(Set<String> responses) {
        this.otherErrorFormats = responses;
        return this;
    }

    /** Fails with every finding, one per line. */
    public void assertComplete() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " findings in the OpenAPI document:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /**
     * Parses a document (JSON or YAML). {@code publicOperations} are {@code "GET /path"} keys of the
     * operations meant to be called without a token (public reports, the token endpoint, JWKS).
     */
    public static OpenApiChecks parse(String document, Set<String> publicOperations) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
        return new OpenApiChecks(result.getOpenAPI(), messages, publicOperations);
    }

    public OpenAPI api() {
        return api;
    }

    /** Every finding, one line each; empty when the document is as it must be. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        parserMessages.forEach(m -> out.add("parser: " + m));
        if (api == null) {
            out.add("parser: no document");
            return out;
        }
        if (api.getPaths() == null) {
            out.add("no paths");
            return out;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                String key = op.getKey() + " " + path.getKey();
                check(key, op.getValue(), out);
            }
        }
        return out;
    }

    private void check(String key, Operation op, List<String> out) {
        boolean isPublic = publicOperations.contains(key);
        List<io.swagger.v3.oas.models.security.SecurityRequirement> security = op.getSecurity() != null
                ? op.getSecurity() : api.getSecurity();
        boolean secured = security != null && security.stream().anyMatch(r -> !r.isEmpty());
        if (!secured && !isPublic) {
            out.add(key + ": no security requirement (and not on the public list)");
        }
        if (secured && isPublic) {
            out.add(key + ": on the public list but has a security requirement");
        }
        if (op.getResponses() == null || op.getResponses().isEmpty()) {
            out.add(key + ": no responses");
            return;
        }
        boolean success = false;
        boolean responseExample = false;
        for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
            String code = r.getKey();
            ApiResponse response = resolve(r.getValue());
            if (code.startsWith("2") && !code.equals("204")) {
                if (!hasSchema(response.getContent())) {
                    out.add(key + ": response " + code + " has no schema");
                } else {
                    success = true;
                    responseExample |= hasExample(response.getContent());
                }
            } else if (code.equals("204") || code.startsWith("3")) {
                success = true;
                responseExample = true;
            } else if ((code.startsWith("4") || code.startsWith("5")) && !otherErrorFormats.contains(key + " " + code)) {
                Content content = response.getContent();
                if (content == null || !content.containsKey(PROBLEM_JSON)
                        || content.get(PROBLEM_JSON).getSchema() == null) {
                    out.add(key + ": response " + code + " is not application/problem+json with a schema");
                }
            }
        }
        if (!success) {
            out.add(key + ": no 2xx response");
        }
        if (!responseExample) {
            out.add(key + ": no response example");
        }
        if (op.getRequestBody() != null) {
            Content content = op.getRequestBody().getContent();
            if (content != null && !content.isEmpty() && !hasExample(content)) {
                out.add(key + ": no request body example");
            }
        }
        if (op.getParameters() != null) {
            for (io.swagger.v3.oas.models.parameters.Parameter p : op.getParameters()) {
                Schema<?> s = p.getSchema() == null ? null : resolve(p.getSchema());
                if (s != null && "limit".equals(p.getName()) && (s.getMinimum() == null || s.getMaximum() == null
                        || s.getDefault() == null || !isType(s, "integer"))) {
                    out.add(key + ": parameter limit is not an integer with minimum, maximum and default");
                }
            }
        }
    }

    private ApiResponse resolve(ApiResponse r) {
        if (r.get$ref() != null && api.getComponents() != null && api.getComponents().getResponses() != null) {
            ApiResponse target = api.getComponents().getResponses().get(simpleName(r.get$ref()));
            if (target != null) {
                return target;
            }
        }
        return r;
    }

    @SuppressWarnings("rawtypes")
    private Schema resolve(Schema s) {
        int depth = 0;
        while (s != null && s.get$ref() != null && depth++ < 10) {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return s;
            }
            Schema target = api.getComponents().getSchemas().get(simpleName(s.get$ref()));
            if (target == null) {
                return s;
            }
            s = target;
        }
        return s;
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static boolean isType(Schema<?> s, String type) {
        return type.equals(s.getType()) || (s.getTypes() != null && s.getTypes().contains(type));
    }

    private static boolean hasSchema(Content content) {
        return content != null && !content.isEmpty() && content.values().stream().allMatch(m -> m.getSchema() != null);
    }

    private boolean hasExample(Content content) {
        for (MediaType m : content.values()) {
            if (m.getExample() != null || (m.getExamples() != null && !m.getExamples().isEmpty())) {
                return true;
            }
            if (schemaHasExample(m.getSchema(), 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A schema shows an example when it has one itself, when its items or (all of) its referenced
     * schemas do, or when one of its properties does.
     */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    private boolean schemaHasExample(Schema schema, int depth) {
        if (schema == null || depth > 6) {
            return false;
        }
        Schema s = resolve(schema);
        if (s.getExample() != null || (s.getExamples() != null && !s.getExamples().isEmpty())
                || (schema.getExamples() != null && !schema.getExamples().isEmpty())) {
            return true;
        }
        if (s.getItems() != null && schemaHasExample(s.getItems(), depth + 1)) {
            return true;
        }
        for (List<Schema> parts : new List[] { s.getAllOf(), s.getOneOf(), s.getAnyOf() }) {
            if (parts != null && parts.stream().anyMatch(p -> schemaHasExample(p, depth + 1))) {
                return true;
            }
        }
        if (s.getProperties() != null) {
            for (Object p : s.getProperties().values()) {
                Schema ps = resolve((Schema) p);
                if (ps.getExample() != null || (ps.getExamples() != null && !ps.getExamples().isEmpty())
                        || (((Schema) p).getExamples() != null && !((Schema) p).getExamples().isEmpty())) {
                    return true;
                }
            }
        }
        return false;
    }
}
