package org.christchurchcall.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every service's OpenAPI document says the same way, so that each resource documents only
 * what is its own:
 * <ul>
 * <li>the security scheme {@value #SCHEME}: OAuth 2.0 client credentials at supporter-service's
 * {@code /oauth2/token} ({@code ccall.openapi.token-url}), so that Swagger UI's Authorize fetches a
 * token; the scopes are the platform's roles (a token's {@code scope} narrows its roles);</li>
 * <li>the shared {@code Problem} schema (RFC 9457), and every 4xx and 5xx response documented as
 * {@code application/problem+json} with it, an example and the problem types it may carry;</li>
 * <li>the errors every operation of the kind can answer that its resource need not repeat: 401 and
 * 403 where a token is required, 400 where there are parameters or a body, 404 where the path
 * names something, 413 and 415 where there is a body.</li>
 * </ul>
 * It runs when the service starts (the token URL is runtime configuration) and after the
 * build-time filters, such as the quota's 429.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OpenApiConventions implements OASFilter {

    public static final String SCHEME = "oauth2";
    public static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    /** Scopes Swagger UI offers: the roles a client may narrow its token to. */
    private static final Map<String, String> SCOPES = new LinkedHashMap<>();
    static {
        SCOPES.put(Roles.SECRETARIAT, "The Christchurch Call secretariat");
        SCOPES.put(Roles.GOVERNMENT, "A government supporter");
        SCOPES.put(Roles.COMPANY, "An online service provider supporter");
        SCOPES.put(Roles.INTERGOVERNMENTAL, "An intergovernmental organisation supporter");
        SCOPES.put(Roles.CIVIL_SOCIETY, "A civil-society supporter");
        SCOPES.put(Roles.CRISIS_COORDINATOR, "Coordinates crisis response");
        SCOPES.put(Roles.HASH_CONTRIBUTOR, "Submits hashes");
        SCOPES.put(Roles.MATCHER, "Matches content against the hash database");
        SCOPES.put(Roles.AUDITOR, "Reads the audit trail");
        SCOPES.put(Roles.SERVICE, "A platform service");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        // OpenAPI 3.1 names a licence by its SPDX identifier (or a URL)
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null
                && openAPI.getInfo().getLicense().getUrl() == null
                && openAPI.getInfo().getLicense().getIdentifier() == null) {
            openAPI.getInfo().getLicense().setIdentifier(openAPI.getInfo().getLicense().getName());
        }
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        components.addSchema("FieldError", fieldErrorSchema());
        securityScheme(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : path.getValue().getOperations().entrySet()) {
                operation(path.getKey(), path.getValue(), e.getValue());
            }
        }
    }

    private static void securityScheme(Components components) {
        String tokenUrl = ConfigProvider.getConfig().getOptionalValue("ccall.openapi.token-url", String.class)
                .orElse("/oauth2/token");
        OAuthFlow clientCredentials = OASFactory.createOAuthFlow().tokenUrl(tokenUrl);
        SCOPES.forEach(clientCredentials::addScope);
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(SCHEME, OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("OAuth 2.0 client credentials (RFC 6749 §4.4) at supporter-service: POST " + tokenUrl
                        + " with HTTP Basic client_id:client_secret and grant_type=client_credentials; send the "
                        + "access_token as `Authorization: Bearer <token>`. It is a JWT (RS256) valid 15 minutes at "
                        + "most; its roles (the groups claim) decide what the client may call. Swagger UI: "
                        + "Authorize, enter the client id and secret, leave the scopes unticked for all the "
                        + "client's roles.")
                .flows(OASFactory.createOAuthFlows().clientCredentials(clientCredentials)));
        components.setSecuritySchemes(schemes);
    }

    private static void operation(String path, PathItem item, Operation op) {
        boolean secured = false;
        if (op.getSecurity() != null) {
            List<SecurityRequirement> rewritten = new ArrayList<>();
            for (SecurityRequirement r : op.getSecurity()) {
                if (r.getSchemes() == null || r.getSchemes().isEmpty()) {
                    rewritten.add(r);
                } else {
                    rewritten.add(OASFactory.createSecurityRequirement().addScheme(SCHEME));
                    secured = true;
                }
            }
            op.setSecurity(dedupe(rewritten));
        }
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        boolean hasBody = op.getRequestBody() != null;
        boolean hasParams = hasParameters(op, item, null);
        if (secured) {
            addIfMissing(responses, "401", "No valid bearer token (missing, expired, or not from the token issuer); "
                    + "WWW-Authenticate says why");
            addIfMissing(responses, "403", "The token's roles, or the caller's organisation, do not allow this");
        }
        if (hasBody || hasParams) {
            addIfMissing(responses, "400", "Invalid parameters or body; errors names each offending field");
        }
        if (hasParameters(op, item, "path")) {
            addIfMissing(responses, "404", "Nothing of that id, or not visible to the caller");
        }
        if (hasBody) {
            addIfMissing(responses, "413", "The body is larger than the service accepts");
            addIfMissing(responses, "415", "The body is not of a media type the operation accepts");
        }
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                String code = r.getKey();
                if ((code.startsWith("4") || code.startsWith("5")) && r.getValue().getRef() == null) {
                    problemContent(code, path, r.getValue());
                }
            }
        }
    }

    private static List<SecurityRequirement> dedupe(List<SecurityRequirement> in) {
        List<SecurityRequirement> out = new ArrayList<>();
        boolean ours = false;
        for (SecurityRequirement r : in) {
            boolean isOurs = r.getSchemes() != null && r.getSchemes().containsKey(SCHEME);
            if (isOurs && ours) {
                continue;
            }
            ours |= isOurs;
            out.add(r);
        }
        return out;
    }

    private static boolean hasParameters(Operation op, PathItem item, String in) {
        List<Parameter> all = new ArrayList<>();
        if (op.getParameters() != null) {
            all.addAll(op.getParameters());
        }
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        return all.stream().anyMatch(p -> in == null || (p.getIn() != null && p.getIn().toString().equals(in)));
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    /**
     * Documents an error response as problem+json unless the resource gave it another media type
     * on purpose (the token endpoint's RFC 6749 errors), with the problem types of its status.
     */
    private static void problemContent(String code, String path, APIResponse response) {
        Content content = response.getContent();
        if (content != null && content.getMediaTypes() != null && !content.getMediaTypes().isEmpty()
                && !content.hasMediaType(Problem.MEDIA_TYPE)) {
            return;
        }
        int status;
        try {
            status = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return;
        }
        TreeSet<String> types = new TreeSet<>();
        ProblemType first = null;
        for (ProblemType t : ProblemType.values()) {
            if (t.status() == status) {
                types.add(t.uri());
                if (first == null) {
                    first = t;
                }
            }
        }
        if (first == null) {
            first = ProblemType.forStatus(status);
            types.add(first.uri());
        }
        String description = response.getDescription() == null ? first.title() : response.getDescription();
        if (!description.contains("urn:ccall:problem:")) {
            response.setDescription(description + ". Problem type" + (types.size() > 1 ? "s: " : ": ")
                    + String.join(", ", types));
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", first.uri());
        example.put("title", first.title());
        example.put("status", status);
        example.put("detail", exampleDetail(first));
        example.put("instance", path);
        if (first == ProblemType.VALIDATION) {
            example.put("errors", List.of(Map.of("field", "limit", "message", "must be from 1 to 500")));
        }
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF)).example(example);
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        if (content.hasMediaType(Problem.MEDIA_TYPE)) {
            MediaType existing = content.getMediaType(Problem.MEDIA_TYPE);
            if (existing.getSchema() == null) {
                existing.setSchema(media.getSchema());
            }
            if (existing.getExample() == null && (existing.getExamples() == null || existing.getExamples().isEmpty())) {
                existing.setExample(example);
            }
        } else {
            content.addMediaType(Problem.MEDIA_TYPE, media);
        }
    }

    private static String exampleDetail(ProblemType t) {
        return switch (t) {
            case VALIDATION -> "1 invalid field";
            case UNAUTHORIZED -> "the token has expired";
            case FORBIDDEN -> "the caller's roles do not allow this";
            case NOT_FOUND -> "no such resource";
            case CONFLICT -> "the resource already exists";
            case TOO_LARGE -> "the body is larger than 1048576 bytes";
            case UNSUPPORTED_MEDIA_TYPE -> "the body must be application/json";
            case TOO_MANY_REQUESTS -> "the read quota of this client is spent; retry after 12 s";
            default -> t.title();
        };
    }

    private static Schema problemSchema() {
        Schema s = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; switch on type, a URN such as urn:ccall:problem:validation")
                .addRequired("type").addRequired("title").addRequired("status");
        s.addProperty("type", string("The problem type, urn:ccall:problem:<slug>", "urn:ccall:problem:validation")
                .enumeration(new ArrayList<Object>(allTypes())));
        s.addProperty("title", string("Short summary of the problem type", "Invalid request"));
        s.addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                .description("The HTTP status").minimum(java.math.BigDecimal.valueOf(400))
                .maximum(java.math.BigDecimal.valueOf(599)).examples(List.of(400)));
        s.addProperty("detail", string("What went wrong in this occurrence", "1 invalid field"));
        s.addProperty("instance", string("The request path", "/api/v1/incidents"));
        s.addProperty("correlationId", string("On 500s: ties the response to the server's log line",
                "5c1f0a4e-8d0b-4b7e-9a39-0e6f8b1c2d3e"));
        s.addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .description("The offending fields of a validation failure")
                .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")));
        s.examples(List.of(Map.of("type", "urn:ccall:problem:validation", "title", "Invalid request", "status", 400,
                "detail", "1 invalid field", "instance", "/api/v1/incidents",
                "errors", List.of(Map.of("field", "limit", "message", "must be from 1 to 500")))));
        return s;
    }

    private static List<String> allTypes() {
        TreeSet<String> t = new TreeSet<>();
        for (ProblemType p : ProblemType.values()) {
            t.add(p.uri());
        }
        return new ArrayList<>(t);
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The field, parameter or header", "limit"))
                .addProperty("message", string("What is wrong with it", "must be from 1 to 500"));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description)
                .examples(List.of(example));
    }
}
