package org.christchurchcall.protocol.hashes.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "hashmatch")
@Path("/api/v1/hashes/counts")
interface HashCountsApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Counts counts(@HeaderParam("Authorization") String bearer, @QueryParam("incidentId") UUID incidentId);

    record Counts(UUID incidentId, Long total, Long active, Long retracted, Map<String, Long> byType) {
    }
}
