package org.christchurchcall.supporter.audit.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.christchurchcall.supporter.audit.AuditEvent;
import org.christchurchcall.supporter.audit.repository.AuditEventRepository;
import org.christchurchcall.supporter.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
@SecurityRequirement(name = "oauth2")
public class AuditEventResource {

    @Inject
    AuditEventRepository events;

    public record AuditEventView(UUID id, Instant occurredAt, String clientId, UUID supporterId, String entityType,
            String entityId, String action, String summary) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id, e.occurredAt, e.clientId, e.supporterId, e.entityType, e.entityId, e.action,
                    e.summary);
        }
    }

    @GET
    @RolesAllowed({ Roles.SECRETARIAT, Roles.AUDITOR })
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List changes, newest first", description = "Roles: secretariat, auditor. Filters: entityType "
            + "(supporter, commitment, stocktake, stocktake-report, contact-point, webhook-endpoint, api-client, "
            + "client-authentication: a client id or address whose failed authentications were throttled; "
            + "entitlement: grants and withdrawals, entityId the supporter's id), entityId, "
            + "supporterId (the acting supporter).")
    @APIResponse(responseCode = "200", description = "A page of audit events")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither secretariat nor auditor")
    public Page<AuditEventView> list(@BeanParam @Valid PageRequest page, @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("supporterId") String supporterId, @Context UriInfo uri) {
        Instant afterAt = null;
        UUID afterId = null;
        if (page.hasCursor()) {
            List<String> keys = Cursor.decode(page.cursor(), 2);
            try {
                afterAt = Instant.parse(keys.get(0));
                afterId = UUID.fromString(keys.get(1));
            } catch (RuntimeException e) {
                throw ApiException.invalidField("cursor", "not a cursor this list returned");
            }
        }
        List<AuditEvent> rows = events.page(Params.text(entityType), Params.text(entityId), Params.uuid("supporterId", supporterId), afterAt, afterId,
                page.limit() + 1);
        return Page.of(rows, page.limit(), e -> Cursor.encode(e.occurredAt.toString(), e.id.toString()),
                AuditEventView::of, uri);
    }
}
