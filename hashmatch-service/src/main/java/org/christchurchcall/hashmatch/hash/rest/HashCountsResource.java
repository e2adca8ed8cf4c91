package org.christchurchcall.hashmatch.hash.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.christchurchcall.hashmatch.hash.service.HashQueryService;
import org.christchurchcall.hashmatch.hash.service.HashQueryService.IncidentCounts;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/hashes/counts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hashes")
@SecurityRequirement(name = "oauth2")
public class HashCountsResource {

    @Inject
    HashQueryService queries;

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.SECRETARIAT, Roles.AUDITOR })
    @Operation(summary = "How many hashes an incident has", description = "Roles service, secretariat, auditor. "
            + "total counts every record tagged with the incident; active those not retracted (active or disputed); "
            + "byType sums to total. No contributor identities. The hashes themselves: /api/v1/hashes?incidentId=.")
    @APIResponse(responseCode = "200", description = "The counts (zeros for an incident without hashes)")
    @APIResponse(responseCode = "400", description = "incidentId missing or not a UUID")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
    public IncidentCounts counts(@QueryParam("incidentId") @Parameter(required = true, description = "the protocol-service incident",
            example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") String incident) {
        UUID incidentId = QueryParams.uuid("incidentId", incident);
        if (incidentId == null) {
            throw ApiException.invalidField("incidentId", "is required");
        }
        return queries.counts(incidentId);
    }
}
