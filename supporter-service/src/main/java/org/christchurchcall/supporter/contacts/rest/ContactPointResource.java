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
import org.christchurchcall.supporter.contacts.ContactPoint;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.ContactPointInput;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.ContactPointUpdate;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.ContactPointView;
import org.christchurchcall.supporter.contacts.service.ContactService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/supporters/{supporterId}/contact-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Crisis contacts", description = "24/7 contact points and webhook endpoints of a supporter")
@SecurityRequirement(name = "oauth2")
@RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY })
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Neither the secretariat nor the supporter itself")
@APIResponse(responseCode = "404", description = "No such supporter or contact point")
public class ContactPointResource {

    @Inject
    ContactService service;

    @GET
    @Operation(summary = "List a supporter's contact points", description = "Roles: secretariat, or the supporter itself.")
    @APIResponse(responseCode = "200", description = "The contact points")
    public List<ContactPointView> list(@PathParam("supporterId") UUID supporterId) {
        return service.contactPoints(supporterId).stream().map(ContactPointView::of).toList();
    }

    @POST
    @Operation(summary = "Add a contact point", description = "Roles: secretariat, or the supporter itself.")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactPointView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    public Response add(@PathParam("supporterId") UUID supporterId, @Valid @NotNull ContactPointInput body,
            @Context UriInfo uri) {
        ContactPoint c = service.addContactPoint(supporterId, body);
        return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                .entity(ContactPointView.of(c)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Edit a contact point", description = "Roles: secretariat, or the supporter itself. "
            + "Carries the version read.")
    @APIResponse(responseCode = "200", description = "The edited contact point")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "Stale version")
    public ContactPointView update(@PathParam("supporterId") UUID supporterId, @PathParam("id") UUID id,
            @Valid @NotNull ContactPointUpdate body) {
        return ContactPointView.of(service.updateContactPoint(supporterId, id, body));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a contact point", description = "Roles: secretariat, or the supporter itself.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("supporterId") UUID supporterId, @PathParam("id") UUID id) {
        service.removeContactPoint(supporterId, id);
    }
}
