package org.christchurchcall.report.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "supporter")
@Path("/api/v1")
interface SupporterApi {

    @GET
    @Path("/supporters/aggregates")
    @Produces(MediaType.APPLICATION_JSON)
    MembershipAggregates membership(@HeaderParam("Authorization") String bearer, @QueryParam("from") String from,
            @QueryParam("to") String to);

    @GET
    @Path("/stocktakes")
    @Produces(MediaType.APPLICATION_JSON)
    StocktakePage stocktakes(@HeaderParam("Authorization") String bearer, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/stocktakes/{id}/summary")
    @Produces(MediaType.APPLICATION_JSON)
    StocktakeSummary stocktakeSummary(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);
}
