package org.christchurchcall.protocol.incident.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.pagination.Page;
import org.christchurchcall.platform.pagination.PageRequest;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.protocol.contact.service.ContactDirectory;
import org.christchurchcall.protocol.contact.service.ContactSnapshot;
import org.christchurchcall.protocol.hashes.client.CrisisHashes;
import org.christchurchcall.protocol.incident.Activation;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.incident.service.IncidentService;
import org.christchurchcall.protocol.incident.service.SituationalUpdates;
import org.christchurchcall.protocol.notification.Acknowledgement;
import org.christchurchcall.protocol.notification.service.Acknowledgements;
import org.christchurchcall.protocol.timeline.TimelineEntry;
import org.christchurchcall.protocol.timeline.rest.TimelineEntryView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "incidents", description = "Online crises, their lifecycle, updates, participants and acknowledgements")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class IncidentResource {

    @Inject
    IncidentService incidents;

    @Inject
    SituationalUpdates updates;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    ContactDirectory contacts;

    @Inject
    CrisisHashes hashes;

    @POST
    @RolesAllowed({ Roles.GOVERNMENT, Roles.COMPANY, Roles.SECRETARIAT })
    @Operation(summary = "Report an online crisis (roles: government, company, secretariat)")
    @APIResponse(responseCode = "201", description = "Reported; Location names the incident",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentViews.IncidentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json)")
    public Response report(@NotNull @Valid IncidentRequests.Report body, @Context UriInfo uri) {
        Incident i = incidents.report(body);
        return Response.created(URI.create("/api/v1/incidents/" + i.id))
                .entity(IncidentViews.of(i, List.of(), null)).build();
    }

    @GET
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR })
    @Operation(summary = "Incidents the caller may see, newest first (roles: secretariat, any supporter type, "
            + "crisis-coordinator)")
    @APIResponse(responseCode = "200", description = "A page of incidents")
    @APIResponse(responseCode = "400", description = "Bad limit, cursor or status")
    public Page<IncidentViews.IncidentView> list(@BeanParam @Valid PageRequest page,
            @QueryParam("status") @Parameter(description = "Only incidents in this status",
                    schema = @Schema(enumeration = { "reported", "assessing", "active", "concluding", "concluded",
                            "debriefed" })) @Pattern(regexp = "^(reported|assessing|active|concluding|concluded|debriefed)$",
                    message = "must be one of reported, assessing, active, concluding, concluded, debriefed") String status,
            @Context UriInfo uri) {
        Instant at = null;
        UUID id = null;
        if (page.hasCursor()) {
            List<String> keys = Cursor.decode(page.cursor(), 2);
            try {
                at = Instant.parse(keys.get(0));
                id = UUID.fromString(keys.get(1));
            } catch (RuntimeException e) {
                throw org.christchurchcall.platform.problem.ApiException.invalidField("cursor",
                        "not a cursor this list returned");
            }
        }
        List<Incident> rows = incidents.list(at, id, status, page.limit() + 1);
        return Page.of(rows, page.limit(), i -> Cursor.encode(i.reportedAt.toString(), i.id.toString()),
                i -> IncidentViews.of(i, null, null), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR })
    @Operation(summary = "One incident with its activations and crisis-hash count (roles: as for the list)")
    @APIResponse(responseCode = "200", description = "The incident; crisisHashes.status is unknown when "
            + "hashmatch-service cannot be reached")
    @APIResponse(responseCode = "404", description = "No such incident, or not visible to the caller")
    public IncidentViews.IncidentView get(@PathParam("id") UUID id) {
        Incident i = incidents.get(id);
        List<Activation> activations = Activation.ofIncident(i.id);
        return IncidentViews.of(i, activations, hashes.of(i.id));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.CRISIS_COORDINATOR, Roles.SECRETARIAT })
    @Operation(summary = "Move the incident on: assessing, concluding, concluded (needs rationale), debriefed "
            + "(needs review); roles: crisis-coordinator, secretariat")
    @APIResponse(responseCode = "200", description = "The incident after the transition")
    @APIResponse(responseCode = "400", description = "Invalid fields, or a rationale/review missing")
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "409", description = "Illegal transition or stale version")
    public IncidentViews.IncidentView transition(@PathParam("id") UUID id,
            @NotNull @Valid IncidentRequests.Transition body) {
        ContactSnapshot snapshot = "concluded".equals(body.to()) ? contacts.refresh() : null;
        Incident i = incidents.transition(id, body, snapshot);
        return IncidentViews.of(i, Activation.ofIncident(i.id), null);
    }

    @POST
    @Path("/{id}/updates")
    @RolesAllowed({ Roles.CRISIS_COORDINATOR, Roles.SECRETARIAT })
    @Operation(summary = "Post a situational update with counts; notifies participants (roles: crisis-coordinator, "
            + "secretariat)")
    @APIResponse(responseCode = "201", description = "The timeline entry of the update",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TimelineEntryView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "409", description = "The incident is not active or concluding")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid IncidentRequests.SituationalUpdate body) {
        TimelineEntry e = updates.post(id, body, contacts.refresh());
        return Response.created(URI.create("/api/v1/incidents/" + id + "/timeline/" + e.id))
                .entity(TimelineEntryView.of(e)).build();
    }

    @GET
    @Path("/{id}/participants")
    @RolesAllowed({ Roles.CRISIS_COORDINATOR, Roles.SECRETARIAT })
    @Operation(summary = "Notified participants with time to deliver and to acknowledge (roles: crisis-coordinator, "
            + "secretariat)")
    @APIResponse(responseCode = "200", description = "The participants")
    @APIResponse(responseCode = "404", description = "No such incident")
    public Page<IncidentViews.ParticipantView> participants(@PathParam("id") UUID id) {
        List<IncidentViews.ParticipantView> items = acknowledgements.participants(id).stream()
                .map(r -> IncidentViews.of(r.participant(), r.counts()[0], r.counts()[1], r.counts()[2])).toList();
        return new Page<>(items, null, null);
    }

    @POST
    @Path("/{id}/acknowledgements")
    @RolesAllowed({ Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY })
    @Operation(summary = "Acknowledge the incident's alert for the caller's supporter (roles: a supporter type)")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentViews.AcknowledgementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "409", description = "Not acknowledgeable in this state")
    public Response acknowledge(@PathParam("id") UUID id, @Valid IncidentRequests.Acknowledge body) {
        Acknowledgement a = acknowledgements.acknowledge(id, body);
        return Response.created(URI.create("/api/v1/incidents/" + id + "/acknowledgements/" + a.id))
                .entity(IncidentViews.of(a)).build();
    }

    @GET
    @Path("/{id}/acknowledgements")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR })
    @Operation(summary = "The incident's acknowledgements, oldest first (roles: as for the incident); the "
            + "incident's links.acknowledgements")
    @APIResponse(responseCode = "200", description = "The acknowledgements")
    @APIResponse(responseCode = "404", description = "No such incident, or not visible to the caller")
    public Page<IncidentViews.AcknowledgementView> acknowledgements(@PathParam("id") UUID id) {
        return new Page<>(acknowledgements.list(id).stream().map(IncidentViews::of).toList(), null, null);
    }

    @GET
    @Path("/{id}/acknowledgements/{ackId}")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR })
    @Operation(summary = "One acknowledgement (roles: as for the incident)")
    @APIResponse(responseCode = "200", description = "The acknowledgement")
    @APIResponse(responseCode = "404", description = "No such incident or acknowledgement")
    public IncidentViews.AcknowledgementView acknowledgement(@PathParam("id") UUID id, @PathParam("ackId") UUID ackId) {
        return IncidentViews.of(acknowledgements.get(id, ackId));
    }
}
