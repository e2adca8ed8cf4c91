package org.christchurchcall.supporter.entitlements.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.entitlements.EntitlementKind;
import org.christchurchcall.supporter.entitlements.rest.EntitlementDtos.EntitlementsView;
import org.christchurchcall.supporter.entitlements.rest.EntitlementDtos.GrantView;
import org.christchurchcall.supporter.entitlements.service.EntitlementService;
import org.christchurchcall.supporter.entitlements.service.ProtocolCatalog;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A supporter's grants as resources: {@code roles/{role}} and {@code protocols/{code}} exist
 * while granted. PUT grants (idempotent: 201 the first time, 200 after), DELETE withdraws.
 */
@Path("/api/v1/supporters/{supporterId}/entitlements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entitlements", description = "Operational roles and protocol participation the secretariat grants a "
        + "supporter")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class EntitlementResource {

    private static final String READERS = "Roles: secretariat, or the supporter itself.";

    @Inject
    EntitlementService service;

    @Inject
    ProtocolCatalog protocols;

    @GET
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY })
    @Operation(summary = "What a supporter was granted", description = READERS + " The operational roles its "
            + "clients may carry (besides its type role) and the protocols it takes part in.")
    @APIResponse(responseCode = "200", description = "The supporter's entitlements")
    @APIResponse(responseCode = "403", description = "Neither the secretariat nor the supporter itself")
    @APIResponse(responseCode = "404", description = "No such supporter")
    public EntitlementsView list(@PathParam("supporterId") UUID supporterId) {
        return EntitlementsView.of(supporterId, service.of(supporterId));
    }

    @GET
    @Path("roles/{role}")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY })
    @Operation(summary = "One role grant", description = READERS)
    @APIResponse(responseCode = "200", description = "The grant")
    @APIResponse(responseCode = "403", description = "Neither the secretariat nor the supporter itself")
    @APIResponse(responseCode = "404", description = "No such supporter, or the role is not granted")
    public GrantView role(@PathParam("supporterId") UUID supporterId, @PathParam("role") String role) {
        return GrantView.of(service.get(supporterId, EntitlementKind.ROLE, role));
    }

    @PUT
    @Path("roles/{role}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Grant an operational role", description = "Role: secretariat. crisis-coordinator, "
            + "hash-contributor or matcher (none for civil society). The supporter's clients may then be created with "
            + "it, and its existing clients created with it carry it again from their next token. Audited.")
    @APIResponse(responseCode = "201", description = "Granted; Location names the grant",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "200", description = "Already granted; nothing changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "400", description = "Not an operational role, or not one for this supporter's type")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such supporter")
    @APIResponse(responseCode = "409", description = "The supporter has withdrawn")
    public Response grantRole(@PathParam("supporterId") UUID supporterId, @PathParam("role") String role,
            @Context UriInfo uri) {
        return answer(service.grant(supporterId, EntitlementKind.ROLE, role), uri);
    }

    @DELETE
    @Path("roles/{role}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Withdraw an operational role", description = "Role: secretariat. No client of the "
            + "supporter gets the role in a token from now on (tokens already issued expire within 15 minutes), and "
            + "no new client is created with it. Audited.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such supporter, or the role is not granted")
    public void withdrawRole(@PathParam("supporterId") UUID supporterId, @PathParam("role") String role) {
        service.withdraw(supporterId, EntitlementKind.ROLE, role);
    }

    @GET
    @Path("protocols/{protocol}")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY })
    @Operation(summary = "One protocol participation grant", description = READERS)
    @APIResponse(responseCode = "200", description = "The grant")
    @APIResponse(responseCode = "403", description = "Neither the secretariat nor the supporter itself")
    @APIResponse(responseCode = "404", description = "No such supporter, or it does not take part in the protocol")
    public GrantView protocol(@PathParam("supporterId") UUID supporterId, @PathParam("protocol") String protocol) {
        return GrantView.of(service.get(supporterId, EntitlementKind.PROTOCOL, protocol));
    }

    @PUT
    @Path("protocols/{protocol}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Grant participation in a protocol", description = "Role: secretariat. The code must be a "
            + "protocol of protocol-service, which is asked (and the answer cached). The supporter then sees and, as "
            + "crisis coordinator, activates incidents under it, and its webhook endpoints may list it to be notified. "
            + "Audited.")
    @APIResponse(responseCode = "201", description = "Granted; Location names the grant",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "200", description = "Already granted; nothing changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "400", description = "Not a protocol code, or protocol-service has no such protocol")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such supporter")
    @APIResponse(responseCode = "409", description = "The supporter has withdrawn")
    @APIResponse(responseCode = "503", description = "protocol-service could not be asked and the code is not known "
            + "yet; nothing was granted")
    public Response grantProtocol(@PathParam("supporterId") UUID supporterId, @PathParam("protocol") String protocol,
            @Context UriInfo uri) {
        // a supporter that does not exist or has withdrawn is answered before protocol-service is asked
        service.requireGrantable(supporterId);
        protocols.requireKnown("protocol", protocol);
        return answer(service.grant(supporterId, EntitlementKind.PROTOCOL, protocol), uri);
    }

    @DELETE
    @Path("protocols/{protocol}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Withdraw participation in a protocol", description = "Role: secretariat. protocol-service "
            + "stops notifying the supporter under the protocol and showing it the protocol's incidents from its next "
            + "read of the crisis contacts (before every notifying change, and every few minutes). Its webhook "
            + "endpoints keep listing the code but are no longer notified for it. Audited.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such supporter, or it does not take part in the protocol")
    public void withdrawProtocol(@PathParam("supporterId") UUID supporterId, @PathParam("protocol") String protocol) {
        service.withdraw(supporterId, EntitlementKind.PROTOCOL, protocol);
    }

    private static Response answer(EntitlementService.Granted g, UriInfo uri) {
        GrantView view = GrantView.of(g.entitlement());
        return g.created() ? Response.created(uri.getAbsolutePath()).entity(view).build() : Response.ok(view).build();
    }
}
