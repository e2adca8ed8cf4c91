package org.christchurchcall.protocol.aggregate.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.protocol.aggregate.service.IncidentAggregates;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents/aggregates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "aggregates", description = "Figures for published reports; exercises excluded")
@SecurityRequirement(name = "oauth2")
public class IncidentAggregatesResource {

    static final Duration MAX_RANGE = Duration.ofDays(3660);

    @Inject
    IncidentAggregates aggregates;

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "Incidents reported in [from, to) by protocol, protocol version and level (or "
            + "activation type), with response times; exercises "
            + "are excluded and counted separately (roles: auditor, secretariat, service)")
    @APIResponse(responseCode = "200", description = "The aggregates")
    @APIResponse(responseCode = "400", description = "from/to missing, not ISO-8601 instants, or out of order")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
    public IncidentAggregates.Aggregates get(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (!f.isBefore(t)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        if (Duration.between(f, t).compareTo(MAX_RANGE) > 0) {
            throw ApiException.invalidField("to", "the range is limited to ten years");
        }
        return aggregates.compute(f, t);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(name, "is required");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
