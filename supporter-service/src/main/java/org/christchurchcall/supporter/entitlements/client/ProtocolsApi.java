package org.christchurchcall.supporter.entitlements.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** protocol-service's protocols, read with supporter-service's own service token. */
@RegisterRestClient(configKey = "protocol")
@Path("/api/v1/protocols")
interface ProtocolsApi {

    /** supporter-service's copy of the one field it needs of protocol-service's protocol; the rest is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProtocolPayload(String code) {
    }

    @GET
    @Path("{code}")
    @Produces(MediaType.APPLICATION_JSON)
    ProtocolPayload get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("code") String code);
}
