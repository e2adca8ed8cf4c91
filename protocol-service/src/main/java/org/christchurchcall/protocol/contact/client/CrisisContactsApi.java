package org.christchurchcall.protocol.contact.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** supporter-service's crisis-contacts listing, called with protocol-service's own token from the "supporter" OIDC client. */
@RegisterRestClient(configKey = "supporter")
@OidcClientFilter("supporter")
@Path("/api/v1/crisis-contacts")
interface CrisisContactsApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    CrisisContactPayload.Page page(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);
}
