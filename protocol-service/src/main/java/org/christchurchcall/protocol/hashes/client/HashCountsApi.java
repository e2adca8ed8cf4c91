package org.christchurchcall.protocol.hashes.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** hashmatch-service's crisis-hash counts, called with protocol-service's own token from the "supporter" OIDC client. */
@RegisterRestClient(configKey = "hashmatch")
@OidcClientFilter("supporter")
@Path("/api/v1/hashes/counts")
interface HashCountsApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Counts counts(@QueryParam("incidentId") UUID incidentId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Counts(UUID incidentId, Long total, Long active, Long retracted, Map<String, Long> byType) {
    }
}
