package org.christchurchcall.protocol.contact.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "supporter")
@Path("/api/v1/crisis-contacts")
interface CrisisContactsApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    CrisisContactPayload.Page page(@HeaderParam("Authorization") String bearer, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);
}
