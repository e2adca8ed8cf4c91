package org.christchurchcall.supporter.token.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.problem.ProblemResponses;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.supporter.token.service.OAuthError;
import org.christchurchcall.supporter.token.service.TokenService;
import org.christchurchcall.supporter.token.service.TokenService.IssuedToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

@Path("/oauth2/token")
@Tag(name = "Tokens", description = "OAuth 2.0 client-credentials grant and the signing keys")
public class TokenResource {

    @Schema(name = "TokenResponse", description = "RFC 6749 §5.1 access token response",
            requiredProperties = { "access_token", "token_type", "expires_in", "scope" })
    public record TokenResponse(
            @Schema(description = "The bearer token, an RS256 JWT", example = "eyJraWQiOiJrZXktMSIsImFsZyI6IlJTMjU2In0.eyJpc3MiOiJodHRwczovL3N1cHBvcnRlci5jY2FsbC5sb2NhbCJ9.c2lnbmF0dXJl")
            @JsonProperty("access_token") String accessToken,
            @Schema(enumeration = "Bearer", example = "Bearer") @JsonProperty("token_type") String tokenType,
            @Schema(description = "Seconds until the token expires", minimum = "1", maximum = "900", example = "900")
            @JsonProperty("expires_in") long expiresIn,
            @Schema(description = "The roles the token carries, space-separated", example = "company")
            @JsonProperty("scope") String scope) {
        /** A bearer token is a credential: it does not print. */
        @Override
        public String toString() {
            return "TokenResponse[accessToken=[redacted], tokenType=" + tokenType + ", expiresIn=" + expiresIn
                    + ", scope=" + scope + "]";
        }
    }

    /** RFC 6749 §5.2 error response. */
    @Schema(name = "OAuthError", description = "RFC 6749 §5.2 error response")
    public record OAuthErrorBody(
            @Schema(enumeration = { "invalid_request", "invalid_client", "unsupported_grant_type", "invalid_scope",
                    "unauthorized_client" }) String error,
            @JsonProperty("error_description") String errorDescription) {
    }

    @Inject
    TokenService tokens;

    @Inject
    ProblemResponses problems;

    @Inject
    ObjectMapper json;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Obtain an access token", description = "Client-credentials grant (RFC 6749 §4.4): "
            + "Authorization: Basic base64(client_id:client_secret), form grant_type=client_credentials, optional "
            + "scope (space-separated roles) to narrow the token. RS256 JWT valid 15 minutes at most; claims iss, sub, "
            + "aud, exp, iat, jti, groups, supporter_id, supporter_type.")
    @APIResponse(responseCode = "200", description = "The token; Cache-Control: no-store",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "RFC 6749 §5.2 error: invalid_request, unsupported_grant_type, "
            + "invalid_scope, unauthorized_client (the supporter is not active)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OAuthErrorBody.class),
                    examples = @ExampleObject(name = "unsupported_grant_type", value = "{\"error\":\"unsupported_grant_type\","
                            + "\"error_description\":\"grant_type must be client_credentials\"}")))
    @APIResponse(responseCode = "401", description = "invalid_client: unknown client, wrong secret, or revoked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OAuthErrorBody.class),
                    examples = @ExampleObject(name = "invalid_client", value = "{\"error\":\"invalid_client\","
                            + "\"error_description\":\"client authentication failed\"}")))
    @APIResponse(responseCode = "415", description = "Not a form body")
    @APIResponse(responseCode = "429", description = "Too many failed client authentications for this client id or "
            + "from this address: problem+json with error temporarily_unavailable, and Retry-After. The secret was not "
            + "checked.")
    @APIResponse(responseCode = "503", description = "Too many token requests are being verified at once: problem+json "
            + "with error temporarily_unavailable, and Retry-After")
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") @Schema(enumeration = "client_credentials", example = "client_credentials") String grantType,
            @FormParam("scope") @Schema(description = "Space-separated roles to narrow the token to", example = "company") String scope,
            @Context HttpServerRequest request) {
        // the TCP peer, or the forwarded client address only where quarkus.http.proxy.* trusts the proxy
        SocketAddress peer = request.remoteAddress();
        IssuedToken t = tokens.issue(authorization, grantType, scope, peer == null ? null : peer.hostAddress());
        return noStore(Response.ok(new TokenResponse(t.accessToken(), "Bearer", t.expiresIn(),
                String.join(" ", new java.util.TreeSet<>(t.roles()))))).build();
    }

    @ServerExceptionMapper
    public Response refused(OAuthError e, UriInfo uri) {
        ProblemType type = e.problemType();
        if (type != null) {
            Problem problem = problems.problem(type, e.getMessage(), uri.getPath(), null, null);
            return noStore(Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(withOAuthError(e, problem)))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        Response.ResponseBuilder r = noStore(Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body));
        if (e.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ccall\", charset=\"UTF-8\"");
        }
        return r.build();
    }

    /** The problem's members, then RFC 6749's, so that both kinds of client find what they look for. */
    private String withOAuthError(OAuthError e, Problem problem) {
        Map<String, Object> body = json.convertValue(problem, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    /** RFC 6749 §5.1: token responses must not be cached. */
    private static Response.ResponseBuilder noStore(Response.ResponseBuilder r) {
        return r.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
