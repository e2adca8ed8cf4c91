package org.christchurchcall.supporter.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.WebhookInput;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.WebhookUpdate;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.WebhookView;
import org.christchurchcall.supporter.contacts.service.ContactService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/supporters/{supporterId}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Crisis contacts")
@SecurityRequirement(name = "oauth2")
@RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY })
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Neither the secretariat nor the supporter itself")
@APIResponse(responseCode = "404", description = "No such supporter or webhook endpoint")
public class WebhookResource {

    public record RotateSecret(@Schema(description = "The endpoint's current version", example = "1") @NotNull Long version) {
    }

    @Inject
    ContactService service;

    @GET
    @Operation(summary = "List a supporter's webhook endpoints", description = "Roles: secretariat, or the supporter "
            + "itself. Signing secrets are never listed.")
    @APIResponse(responseCode = "200", description = "The endpoints")
    public List<WebhookView> list(@PathParam("supporterId") UUID supporterId) {
        return service.webhooks(supporterId);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a webhook endpoint", description = "Roles: secretariat, or the supporter itself.")
    @APIResponse(responseCode = "200", description = "The endpoint, without its secret")
    public WebhookView get(@PathParam("supporterId") UUID supporterId, @PathParam("id") UUID id) {
        return service.webhook(supporterId, id);
    }

    @POST
    @Operation(summary = "Add a webhook endpoint", description = "Roles: secretariat, or the supporter itself. https "
            + "to a public address only: a host that is, or resolves to, a loopback, private, link-local, CGNAT, "
            + "unique-local, multicast, documentation or otherwise special address is refused (loopback, and http to "
            + "it, only when the development flag is on). The answer carries the signing secret (whsec_...), shown "
            + "this once.")
    @APIResponse(responseCode = "201", description = "Added, with its signing secret; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or refused URL, or invalid protocols")
    public Response add(@PathParam("supporterId") UUID supporterId, @Valid @NotNull WebhookInput body,
            @Context UriInfo uri) {
        WebhookView w = service.addWebhook(supporterId, body);
        return Response.created(uri.getAbsolutePathBuilder().path(w.id().toString()).build()).entity(w).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Edit a webhook endpoint", description = "Roles: secretariat, or the supporter itself. "
            + "URL (the same rules as when adding), protocols and active flag; carries the version read.")
    @APIResponse(responseCode = "200", description = "The edited endpoint")
    @APIResponse(responseCode = "400", description = "Invalid or refused URL, or invalid protocols")
    @APIResponse(responseCode = "409", description = "Stale version")
    public WebhookView update(@PathParam("supporterId") UUID supporterId, @PathParam("id") UUID id,
            @Valid @NotNull WebhookUpdate body) {
        return service.updateWebhook(supporterId, id, body);
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Replace the signing secret", description = "Roles: secretariat, or the supporter itself. "
            + "The old secret stops at once; the new one is shown this once.")
    @APIResponse(responseCode = "200", description = "The endpoint with its new secret")
    @APIResponse(responseCode = "409", description = "Stale version")
    public WebhookView rotate(@PathParam("supporterId") UUID supporterId, @PathParam("id") UUID id,
            @Valid @NotNull RotateSecret body) {
        return service.rotateSecret(supporterId, id, body.version());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a webhook endpoint", description = "Roles: secretariat, or the supporter itself.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("supporterId") UUID supporterId, @PathParam("id") UUID id) {
        service.removeWebhook(supporterId, id);
    }
}
