package org.christchurchcall.supporter.contacts.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.pagination.Page;
import org.christchurchcall.platform.pagination.PageRequest;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.web.Params;
import org.christchurchcall.supporter.entitlements.service.ProtocolCatalog;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.CrisisContacts;
import org.christchurchcall.supporter.contacts.service.CrisisContactDirectory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/crisis-contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Crisis contacts")
@SecurityRequirement(name = "oauth2")
public class CrisisContactResource {

    @Inject
    CrisisContactDirectory directory;

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.SECRETARIAT })
    @Operation(summary = "Contacts of all active supporters", description = "Roles: service (protocol-service), "
            + "secretariat. One item per active supporter with contacts or protocol participation; protocols are "
            + "those the secretariat granted it (see /api/v1/supporters/{id}/entitlements), and each webhook lists "
            + "only granted protocols. With protocol, only the supporters taking part in it, and only their active "
            + "endpoints notified for it. signingSecret is included for the service role only.")
    @APIResponse(responseCode = "200", description = "A page of supporters' contacts")
    @APIResponse(responseCode = "400", description = "Not a protocol code, bad limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Neither service nor secretariat")
    public Page<CrisisContacts> list(@BeanParam @Valid PageRequest page, @QueryParam("protocol") String protocol,
            @Context UriInfo uri) {
        UUID after = null;
        if (page.hasCursor()) {
            try {
                after = UUID.fromString(Cursor.decode(page.cursor(), 1).get(0));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("cursor", "not a cursor this list returned");
            }
        }
        String code = Params.text(protocol);
        List<CrisisContacts> rows = directory.page(code == null ? null : ProtocolCatalog.checkForm("protocol", code),
                after, page.limit() + 1);
        return Page.of(rows, page.limit(), c -> Cursor.encode(c.supporterId().toString()), c -> c, uri);
    }
}
