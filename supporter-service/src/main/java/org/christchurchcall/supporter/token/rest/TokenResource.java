package org.christchurchcall.supporter.token.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.christchurchcall.supporter.token.service.OAuthError;
import org.christchurchcall.supporter.token.service.TokenService;
import org.christchurchcall.supporter.token.service.TokenService.IssuedToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonProperty;

@Path("/oauth2/token")
@Tag(name = "Tokens", description = "OAuth 2.0 client-credentials grant and the signing keys")
public class TokenResource {

    public record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
        /** A bearer token is a credential: it does not print. */
        @Override
        public String toString() {
            return "TokenResponse[accessToken=[redacted], tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }

    @Inject
    TokenService tokens;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Obtain an access token", description = "Client-credentials grant (RFC 6749 §4.4): "
            + "Authorization: Basic base64(client_id:client_secret), form grant_type=client_credentials, optional "
            + "scope (space-separated roles) to narrow the token. RS256 JWT valid 15 minutes at most; claims iss, sub, "
            + "aud, exp, iat, jti, groups, supporter_id, supporter_type.")
    @APIResponse(responseCode = "200", description = "{access_token, token_type: Bearer, expires_in}")
    @APIResponse(responseCode = "400", description = "RFC 6749 §5.2 error: invalid_request, unsupported_grant_type, "
            + "invalid_scope, unauthorized_client (the supporter is not active)")
    @APIResponse(responseCode = "401", description = "invalid_client: unknown client, wrong secret, or revoked")
    @APIResponse(responseCode = "415", description = "Not a form body")
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType, @FormParam("scope") String scope) {
        IssuedToken t = tokens.issue(authorization, grantType, scope);
        return noStore(Response.ok(new TokenResponse(t.accessToken(), "Bearer", t.expiresIn()))).build();
    }

    @ServerExceptionMapper
    public Response refused(OAuthError e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        Response.ResponseBuilder r = noStore(Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body));
        if (e.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ccall\", charset=\"UTF-8\"");
        }
        return r.build();
    }

    /** RFC 6749 §5.1: token responses must not be cached. */
    private static Response.ResponseBuilder noStore(Response.ResponseBuilder r) {
        return r.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
