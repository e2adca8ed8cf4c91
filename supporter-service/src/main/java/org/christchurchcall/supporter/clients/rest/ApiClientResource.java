package org.christchurchcall.supporter.clients.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.christchurchcall.supporter.clients.ApiClient;
import org.christchurchcall.supporter.clients.rest.ClientDtos.ClientView;
import org.christchurchcall.supporter.clients.rest.ClientDtos.CreateClient;
import org.christchurchcall.supporter.clients.rest.ClientDtos.Revoke;
import org.christchurchcall.supporter.clients.service.ApiClientService;
import org.christchurchcall.supporter.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API clients", description = "Machine clients that obtain tokens at /oauth2/token")
@SecurityRequirement(name = "oauth2")
@RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY })
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Neither the secretariat nor a supporter acting for itself")
public class ApiClientResource {

    @Inject
    ApiClientService service;

    @POST
    @Operation(summary = "Create a client", description = "Roles: secretariat (any supporter, or none for "
            + "secretariat/auditor/service clients), or a supporter for itself. A supporter's client carries its type "
            + "role and may add those of crisis-coordinator, hash-contributor and matcher that the secretariat granted "
            + "its supporter (GET /api/v1/supporters/{id}/entitlements). The answer carries clientSecret, shown this "
            + "once.")
    @APIResponse(responseCode = "201", description = "Created, with its secret; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or roles wider than the supporter's type allows")
    @APIResponse(responseCode = "403", description = "Not the secretariat nor a supporter acting for itself, or an "
            + "operational role the supporter was not granted (named in the problem)")
    @APIResponse(responseCode = "409", description = "The supporter has withdrawn")
    public Response create(@Valid @NotNull CreateClient body, @Context UriInfo uri) {
        ApiClientService.Created c = service.create(body.name(), body.supporterId(), body.roles());
        return Response.created(uri.getAbsolutePathBuilder().path(c.client().id.toString()).build())
                .entity(ClientView.of(c.client(), c.secret())).build();
    }

    @GET
    @Operation(summary = "List clients", description = "Roles: secretariat (all, or one supporter's), a supporter "
            + "(its own).")
    @APIResponse(responseCode = "200", description = "A page of clients, without secrets")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<ClientView> list(@BeanParam @Valid PageRequest page, @QueryParam("supporterId") String supporterId,
            @Context UriInfo uri) {
        List<ApiClient> rows = service.page(Params.uuid("supporterId", supporterId),
                page.hasCursor() ? page.cursor() : null, page.limit() + 1);
        return Page.of(rows, page.limit(), c -> Cursor.encode(c.id.toString()), c -> ClientView.of(c, null), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a client", description = "Roles: secretariat, or the supporter owning it.")
    @APIResponse(responseCode = "200", description = "The client, without its secret")
    @APIResponse(responseCode = "404", description = "No such client visible to the caller")
    public ClientView get(@PathParam("id") UUID id) {
        return ClientView.of(service.get(id), null);
    }

    @POST
    @Path("{id}/revoke")
    @Operation(summary = "Revoke a client", description = "Roles: secretariat, or the supporter owning it. No new "
            + "token is issued to it from this moment; tokens already issued expire within 15 minutes.")
    @APIResponse(responseCode = "200", description = "The revoked client")
    @APIResponse(responseCode = "404", description = "No such client visible to the caller")
    @APIResponse(responseCode = "409", description = "Already revoked")
    public ClientView revoke(@PathParam("id") UUID id, @Valid Revoke body) {
        return ClientView.of(service.revoke(id, body == null ? null : body.reason()), null);
    }
}
