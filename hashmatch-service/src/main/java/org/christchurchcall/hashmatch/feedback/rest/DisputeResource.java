package org.christchurchcall.hashmatch.feedback.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.christchurchcall.hashmatch.feedback.Dispute;
import org.christchurchcall.hashmatch.feedback.service.DisputeService;
import org.christchurchcall.hashmatch.feedback.service.DisputeService.Resolution;
import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.pagination.Page;
import org.christchurchcall.platform.pagination.PageRequest;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback and disputes")
@SecurityRequirement(name = "oauth2")
@RolesAllowed(Roles.SECRETARIAT)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Only the secretariat handles disputes")
public class DisputeResource {

    public record DisputeView(@Schema(example = "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f") UUID id,
            @Schema(example = "6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60") UUID hashId,
            @Schema(enumeration = { "open", "resolved" }, example = "resolved") String status,
            @Schema(enumeration = { "wrong-label", "not-terrorist-content", "not-in-taxonomy", "other" },
                    example = "wrong-label") String reason,
            UUID openedBy, @Schema(example = "2026-03-16T09:00:00Z") Instant openedAt,
            @Schema(enumeration = { "keep", "relabel", "retract" }, example = "relabel") String outcome,
            @Schema(example = "[\"glorification-of-terrorist-acts\", \"video\"]") List<String> newLabels,
            String resolutionComment, Instant resolvedAt, @Schema(example = "2") long version) {

        static DisputeView of(Dispute d) {
            return new DisputeView(d.id, d.hash.id, d.status, d.reason, d.openedBy, d.openedAt, d.outcome,
                    d.newLabels == null ? null : List.copyOf(d.newLabels), d.resolutionComment, d.resolvedAt,
                    d.version);
        }
    }

    @Inject
    DisputeService disputes;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Disputes in the order they were opened", description = "Role secretariat.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad status, limit or cursor")
    public Page<DisputeView> list(@QueryParam("status") @Parameter(description = "only disputes in this status",
            schema = @Schema(enumeration = { "open", "resolved" })) String status, @BeanParam @Valid PageRequest page,
            @Context UriInfo uri) {
        if (status != null && !Dispute.OPEN.equals(status) && !Dispute.RESOLVED.equals(status)) {
            throw ApiException.invalidField("status", "must be open or resolved");
        }
        Instant afterOpenedAt = null;
        UUID afterId = null;
        if (page.hasCursor()) {
            List<String> keys = Cursor.decode(page.cursor(), 2);
            try {
                afterOpenedAt = Instant.parse(keys.get(0));
                afterId = UUID.fromString(keys.get(1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ApiException.invalidField("cursor", "not a cursor this list returned");
            }
        }
        List<Dispute> rows = disputes.page(status, afterOpenedAt, afterId, page.limit() + 1);
        return Page.of(rows, page.limit(), d -> Cursor.encode(d.openedAt.toString(), d.id.toString()), DisputeView::of,
                uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One dispute", description = "Role secretariat.")
    @APIResponse(responseCode = "200", description = "The dispute")
    @APIResponse(responseCode = "404", description = "No such dispute")
    public DisputeView get(@PathParam("id") UUID id) {
        return DisputeView.of(disputes.get(id));
    }

    @POST
    @Path("{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve a dispute", description = "Role secretariat. outcome keep (the record becomes "
            + "active again), relabel (with the new labels) or retract (the record stops matching everywhere and "
            + "the retraction enters the change feed). version is the dispute's current version.")
    @APIResponse(responseCode = "200", description = "The resolved dispute")
    @APIResponse(responseCode = "400", description = "Bad outcome, labels or missing version")
    @APIResponse(responseCode = "404", description = "No such dispute")
    @APIResponse(responseCode = "409", description = "Stale version, already resolved, or the record was retracted")
    public DisputeView resolve(@PathParam("id") UUID id, Resolution resolution) {
        return DisputeView.of(disputes.resolve(id, resolution, caller.clientId()));
    }
}
