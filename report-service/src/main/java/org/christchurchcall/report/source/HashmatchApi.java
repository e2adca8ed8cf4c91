package org.christchurchcall.report.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "hashmatch")
@Path("/api/v1/hashes")
interface HashmatchApi {

    @GET
    @Path("/aggregates")
    @Produces(MediaType.APPLICATION_JSON)
    HashAggregates aggregates(@HeaderParam("Authorization") String bearer, @QueryParam("from") String from,
            @QueryParam("to") String to);
}
