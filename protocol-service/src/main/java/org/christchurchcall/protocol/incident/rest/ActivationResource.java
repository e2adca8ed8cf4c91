package org.christchurchcall.protocol.incident.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.protocol.contact.service.ContactDirectory;
import org.christchurchcall.protocol.incident.Activation;
import org.christchurchcall.protocol.incident.service.ActivationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Protocol activations. Each call first refreshes crisis contacts from supporter-service (outside
 * any transaction); if it cannot be reached the change still goes ahead with the last known ones.
 */
@Path("/api/v1/incidents/{incidentId}/activations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "activations", description = "Protocol activations, second-organisation approval, changes of level or activation type")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Not a crisis-coordinator, not a participant of the protocol, "
        + "or (approval) the same organisation as the requester")
@APIResponse(responseCode = "404", description = "No such incident or activation")
public class ActivationResource {

    @Inject
    ActivationService activations;

    @Inject
    ContactDirectory contacts;

    @POST
    @RolesAllowed(Roles.CRISIS_COORDINATOR)
    @Operation(summary = "Activate a protocol at a level, or of an activation type, of its current version, with "
            + "the criteria checklist and decision (role: crisis-coordinator); the activation keeps that version; "
            + "takes effect at once unless the protocol requires a second organisation")
    @APIResponse(responseCode = "201", description = "The activation, in-effect or pending-approval",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentViews.ActivationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown protocol, a level or type the "
            + "current version does not have, or a level where it uses types (or the reverse); the problem names "
            + "the accepted values")
    @APIResponse(responseCode = "409", description = "Not allowed in the incident's state, or already activated")
    public Response activate(@PathParam("incidentId") UUID incidentId, @NotNull @Valid IncidentRequests.Activate body) {
        Activation a = activations.activate(incidentId, body, contacts.refresh());
        return Response.created(URI.create("/api/v1/incidents/" + incidentId + "/activations/" + a.id))
                .entity(IncidentViews.of(a)).build();
    }

    @POST
    @Path("/{activationId}/approvals")
    @RolesAllowed(Roles.CRISIS_COORDINATOR)
    @Operation(summary = "Approve a pending activation as a second organisation (role: crisis-coordinator of a "
            + "different supporter); the activation takes effect")
    @APIResponse(responseCode = "200", description = "The activation, now in effect")
    @APIResponse(responseCode = "409", description = "The activation is not pending approval")
    public IncidentViews.ActivationView approve(@PathParam("incidentId") UUID incidentId,
            @PathParam("activationId") UUID activationId, @Valid IncidentRequests.Approve body) {
        return IncidentViews.of(activations.approve(incidentId, activationId, body, contacts.refresh()));
    }

    @POST
    @Path("/{activationId}/level-changes")
    @RolesAllowed(Roles.CRISIS_COORDINATOR)
    @Operation(summary = "Change an activation's level, or its activation type, within the version it was made "
            + "under (role: crisis-coordinator); notifies participants")
    @APIResponse(responseCode = "200", description = "The activation at its new level or type")
    @APIResponse(responseCode = "400", description = "Invalid fields, a level or type its version does not have, "
            + "the wrong one of the two, or the same one; the problem names the accepted values")
    @APIResponse(responseCode = "409", description = "Stale version, or not allowed in the current state")
    public IncidentViews.ActivationView changeLevel(@PathParam("incidentId") UUID incidentId,
            @PathParam("activationId") UUID activationId, @NotNull @Valid IncidentRequests.ChangeLevel body) {
        return IncidentViews.of(activations.changeLevel(incidentId, activationId, body, contacts.refresh()));
    }
}
