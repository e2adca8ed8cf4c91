package org.christchurchcall.report.generation.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** Called with report-service's own token, which the "supporter" OIDC client fetches and caches. */
@RegisterRestClient(configKey = "hashmatch")
@OidcClientFilter("supporter")
@Path("/api/v1/hashes")
interface HashmatchApi {

    @GET
    @Path("/aggregates")
    @Produces(MediaType.APPLICATION_JSON)
    HashAggregates aggregates(@QueryParam("from") String from,
            @QueryParam("to") String to);
}
