package org.christchurchcall.hashmatch.aggregate.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.christchurchcall.hashmatch.aggregate.service.AggregateService;
import org.christchurchcall.hashmatch.aggregate.service.AggregateService.Aggregates;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/hashes/aggregates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "aggregates", description = "Figures for transparency reports, without contributor identities")
@SecurityRequirement(name = "oauth2")
public class AggregateResource {

    @Inject
    AggregateService aggregates;

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "Counts for reports", description = "Roles auditor, secretariat, service. records: as they "
            + "stand now, by type, status, label and contributor supporter type; period: added and retracted in "
            + "[from, to); feedback and disputes in the period (outcomes by resolution time); matches served in the "
            + "UTC days the period touches. from defaults to the beginning, to to now.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", description = "from or to not an ISO-8601 instant, or from not before to")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
    public Aggregates get(@QueryParam("from") @Parameter(description = "ISO-8601 instant, inclusive") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant, exclusive") String to) {
        Instant f = from == null ? Instant.EPOCH : instant("from", from);
        Instant t = to == null ? Instant.now() : instant("to", to);
        if (!f.isBefore(t)) {
            throw ApiException.invalidField("from", "must be before to");
        }
        return aggregates.compute(f, t);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "not an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
