package org.christchurchcall.report.generation.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** Called with report-service's own token, which the "supporter" OIDC client fetches and caches. */
@RegisterRestClient(configKey = "supporter")
@OidcClientFilter("supporter")
@Path("/api/v1")
interface SupporterApi {

    @GET
    @Path("/supporters/aggregates")
    @Produces(MediaType.APPLICATION_JSON)
    MembershipAggregates membership(@QueryParam("from") String from,
            @QueryParam("to") String to);

    @GET
    @Path("/stocktakes")
    @Produces(MediaType.APPLICATION_JSON)
    StocktakePage stocktakes(@QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/stocktakes/{id}/summary")
    @Produces(MediaType.APPLICATION_JSON)
    StocktakeSummary stocktakeSummary(@PathParam("id") String id);
}
