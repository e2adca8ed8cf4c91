package org.christchurchcall.supporter.token.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.christchurchcall.supporter.token.service.SigningKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.NonBlocking;

@Path("/.well-known/jwks.json")
@Tag(name = "Tokens")
public class JwksResource {

    @Inject
    SigningKeys keys;

    /**
     * Served on the event loop: this service fetches its own JWKS to verify tokens, and that
     * fetch runs on a worker thread that must not wait for another worker.
     */
    @GET
    @PermitAll
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public signing keys", description = "JSON Web Key Set: the current key and any previous "
            + "keys still published during a rotation, each with its kid.")
    @APIResponse(responseCode = "200", description = "{keys: [{kty, use, alg, kid, n, e}]}",
            content = @Content(mediaType = "application/json", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    example = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"key-1\",\"n\":\"0vx7agoebGcQSuuPiLJXZpt...\",\"e\":\"AQAB\"}]}")))
    public Response jwks() {
        return Response.ok(keys.jwks()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }
}
