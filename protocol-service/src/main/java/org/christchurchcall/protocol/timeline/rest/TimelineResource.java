package org.christchurchcall.protocol.timeline.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.pagination.Page;
import org.christchurchcall.platform.pagination.PageRequest;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.incident.service.Access;
import org.christchurchcall.protocol.timeline.TimelineChain;
import org.christchurchcall.protocol.timeline.TimelineEntry;
import org.christchurchcall.protocol.timeline.service.Timeline;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents/{incidentId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "timeline", description = "The append-only, hash-chained incident log")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
@APIResponse(responseCode = "404", description = "No such incident, or not visible to the caller")
public class TimelineResource {

    @Inject
    Timeline timeline;

    @Inject
    Access access;

    public record Verification(UUID incidentId, @Schema(example = "true") boolean ok, int entries, Integer firstBrokenPosition,
            UUID firstBrokenEntryId, String reason) {
    }

    @GET
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR })
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The incident's timeline in order (roles: secretariat, any supporter type, crisis-coordinator)")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<TimelineEntryView> list(@PathParam("incidentId") UUID incidentId, @BeanParam @Valid PageRequest page,
            @Context UriInfo uri) {
        Incident i = access.visible(incidentId);
        int after = 0;
        if (page.hasCursor()) {
            try {
                after = Integer.parseInt(Cursor.decode(page.cursor(), 1).get(0));
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("cursor", "not a cursor this list returned");
            }
        }
        List<TimelineEntry> rows = timeline.page(i.id, after, page.limit() + 1);
        return Page.of(rows, page.limit(), e -> Cursor.encode(Integer.toString(e.position)), TimelineEntryView::of, uri);
    }

    @GET
    @Path("/{entryId}")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR })
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "One timeline entry (roles: as for the timeline)")
    @APIResponse(responseCode = "200", description = "The entry")
    public TimelineEntryView entry(@PathParam("incidentId") UUID incidentId, @PathParam("entryId") UUID entryId) {
        Incident i = access.visible(incidentId);
        return timeline.entry(i.id, entryId).map(TimelineEntryView::of)
                .orElseThrow(() -> ApiException.notFound("timeline entry", entryId));
    }

    @GET
    @Path("/verify")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.AUDITOR })
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Recompute the hash chain and report ok or the first broken entry (roles: secretariat, auditor)")
    @APIResponse(responseCode = "200", description = "The verdict")
    public Verification verify(@PathParam("incidentId") UUID incidentId) {
        if (!timeline.incidentExists(incidentId)) {
            throw ApiException.notFound("incident", incidentId);
        }
        TimelineChain.Verdict v = timeline.verify(incidentId);
        UUID broken = v.firstBrokenPosition() == null ? null : timeline.entryIdAt(incidentId, v.firstBrokenPosition());
        return new Verification(incidentId, v.ok(), v.entries(), v.firstBrokenPosition(), broken, v.reason());
    }
}
