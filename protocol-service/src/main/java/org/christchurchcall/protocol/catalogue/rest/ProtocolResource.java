package org.christchurchcall.protocol.catalogue.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.pagination.Page;
import org.christchurchcall.platform.pagination.PageRequest;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.protocol.contact.CrisisContact;
import org.christchurchcall.protocol.contact.WebhookEndpoint;
import org.christchurchcall.protocol.contact.service.ContactDirectory;
import org.christchurchcall.protocol.catalogue.Protocol;
import org.christchurchcall.protocol.catalogue.service.ProtocolService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/v1/protocols")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "protocols", description = "Crisis response protocols, their versions and the levels or activation types of each")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class ProtocolResource {

    @Inject
    ProtocolService protocols;

    @Inject
    ContactDirectory contacts;

    @GET
    @Authenticated
    @Operation(summary = "All protocols, each with its current version's levels or activation types and the list "
            + "of its versions (any authenticated caller)")
    @APIResponse(responseCode = "200", description = "A page of protocols")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<ProtocolDtos.ProtocolView> list(@BeanParam @Valid PageRequest page, @Context UriInfo uri) {
        String after = page.hasCursor() ? Cursor.decode(page.cursor(), 1).get(0) : null;
        List<Protocol> rows = protocols.list(after, page.limit() + 1);
        return Page.of(rows, page.limit(), p -> Cursor.encode(p.code), protocols::view, uri);
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(summary = "One protocol (any authenticated caller)")
    @APIResponse(responseCode = "200", description = "The protocol")
    @APIResponse(responseCode = "404", description = "No such protocol")
    public ProtocolDtos.ProtocolView get(@PathParam("code") String code) {
        return protocols.view(protocols.get(code));
    }

    @GET
    @Path("/{code}/versions")
    @Authenticated
    @Operation(summary = "The protocol's versions, oldest first, each with its vocabulary (levels or activation "
            + "types) and its terms; current marks the one new activations use (any authenticated caller)")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No such protocol")
    public Page<ProtocolDtos.VersionView> versions(@PathParam("code") String code) {
        return new Page<>(protocols.versions(code), null, null);
    }

    @GET
    @Path("/{code}/versions/{version}")
    @Authenticated
    @Operation(summary = "One version of the protocol with its levels or activation types (any authenticated caller)")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such protocol or version")
    public ProtocolDtos.VersionView version(@PathParam("code") String code, @PathParam("version") String version) {
        return protocols.version(code, version);
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Create a protocol with its levels, or its activation types, as its first version \"1\", "
            + "in effect at once (role: secretariat)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProtocolDtos.ProtocolView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or not exactly one of levels and types")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@NotNull @Valid ProtocolDtos.Create body) {
        Protocol p = protocols.create(body);
        return Response.created(URI.create("/api/v1/protocols/" + p.code)).entity(protocols.view(p)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Replace a protocol's settings and its current version's levels (or activation types, "
            + "when that version uses types); dropped ones are retired (role: secretariat)")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid fields, or levels given for a version with activation "
            + "types (or the reverse)")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such protocol")
    @APIResponse(responseCode = "409", description = "Stale version")
    public ProtocolDtos.ProtocolView update(@PathParam("code") String code, @NotNull @Valid ProtocolDtos.Update body) {
        return protocols.view(protocols.update(code, body));
    }

    @GET
    @Path("/{code}/participants")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.CRISIS_COORDINATOR })
    @Operation(summary = "Supporters the secretariat granted participation in the protocol, as last read from "
            + "supporter-service, with their endpoints notified for it (roles: secretariat, crisis-coordinator)")
    @APIResponse(responseCode = "200", description = "The participants")
    @APIResponse(responseCode = "403", description = "Neither secretariat nor crisis-coordinator")
    @APIResponse(responseCode = "404", description = "No such protocol")
    public Page<ProtocolDtos.ParticipantView> participants(@PathParam("code") String code) {
        protocols.get(code);
        List<WebhookEndpoint> endpoints = WebhookEndpoint.activeFor(List.of(code));
        List<ProtocolDtos.ParticipantView> items = contacts.participantsOf(List.of(code)).stream()
                .map(c -> view(c, (int) endpoints.stream().filter(e -> e.supporterId.equals(c.supporterId)).count()))
                .toList();
        return new Page<>(items, null, null);
    }

    static ProtocolDtos.ParticipantView view(CrisisContact c, int endpoints) {
        return new ProtocolDtos.ParticipantView(c.supporterId, c.supporterName, c.supporterType, c.country, endpoints,
                c.contactPoints, c.fetchedAt);
    }
}
