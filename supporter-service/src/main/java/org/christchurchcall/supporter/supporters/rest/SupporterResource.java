package org.christchurchcall.supporter.supporters.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.pagination.Page;
import org.christchurchcall.platform.pagination.PageRequest;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.web.Params;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterStatus;
import org.christchurchcall.supporter.supporters.SupporterType;
import org.christchurchcall.supporter.supporters.rest.SupporterDtos.Admit;
import org.christchurchcall.supporter.supporters.rest.SupporterDtos.CreateSupporter;
import org.christchurchcall.supporter.supporters.rest.SupporterDtos.Reinstate;
import org.christchurchcall.supporter.supporters.rest.SupporterDtos.StatusChange;
import org.christchurchcall.supporter.supporters.rest.SupporterDtos.SupporterView;
import org.christchurchcall.supporter.supporters.rest.SupporterDtos.UpdateSupporter;
import org.christchurchcall.supporter.supporters.service.MembershipFigures;
import org.christchurchcall.supporter.supporters.service.SupporterService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/v1/supporters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supporters", description = "The register of the Call's supporters and their membership status")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class SupporterResource {

    @Inject
    SupporterService service;

    @Inject
    MembershipFigures membership;

    @GET
    @Authenticated
    @Operation(summary = "List supporters", description = "Any authenticated caller; only the secretariat sees "
            + "supporters that are not active (filter with status). Ordered by name.")
    @APIResponse(responseCode = "200", description = "A page of supporters")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    public Page<SupporterView> list(@BeanParam @Valid PageRequest page, @QueryParam("status") String status,
            @QueryParam("type") String type, @Context UriInfo uri) {
        var rows = service.page(Params.code(SupporterStatus.class, "status", status),
                Params.code(SupporterType.class, "type", type), page.hasCursor() ? page.cursor() : null,
                page.limit() + 1);
        return Page.of(rows, page.limit(), SupporterService::cursorOf, SupporterView::of, uri);
    }

    @GET
    @Path("aggregates")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.AUDITOR, Roles.SERVICE })
    @Operation(summary = "Membership figures", description = "Counts by supporter type, never names: members at "
            + "'to', supporters who joined in [from, to), and members at each month start from 'from' to 'to'. "
            + "For transparency reports (secretariat, auditor, service).")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", description = "from or to missing, not an ISO-8601 instant, or not in order")
    @APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
    public MembershipFigures.Membership aggregates(@QueryParam("from") String from, @QueryParam("to") String to) {
        return membership.between(instant("from", from), instant("to", to));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(name, "is required (an ISO-8601 instant such as 2024-01-01T00:00:00Z)");
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "is not an ISO-8601 instant such as 2024-01-01T00:00:00Z");
        }
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "Read a supporter", description = "Any authenticated caller for an active supporter; the "
            + "secretariat and the supporter itself whatever its status.")
    @APIResponse(responseCode = "200", description = "The supporter")
    @APIResponse(responseCode = "404", description = "No such supporter visible to the caller")
    public SupporterView get(@PathParam("id") UUID id) {
        return service.find(id).map(SupporterView::of).orElseThrow(() -> ApiException.notFound("supporter", id));
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Register an applicant", description = "Role: secretariat. The supporter starts as 'applied'. "
            + "A government needs a country; an intergovernmental organisation has none.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SupporterView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "409", description = "A supporter with this name exists")
    public Response create(@Valid @NotNull CreateSupporter body, @Context UriInfo uri) {
        Supporter s = service.register(body);
        URI location = uri.getAbsolutePathBuilder().path(s.id.toString()).build();
        return Response.created(location).entity(SupporterView.of(s)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY })
    @Operation(summary = "Edit a supporter's profile", description = "Roles: secretariat, or the supporter itself. "
            + "Carries the version read; a stale one gets 409.")
    @APIResponse(responseCode = "200", description = "The edited supporter")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Another supporter's profile")
    @APIResponse(responseCode = "404", description = "No such supporter")
    @APIResponse(responseCode = "409", description = "Stale version or duplicate name")
    public SupporterView update(@PathParam("id") UUID id, @Valid @NotNull UpdateSupporter body) {
        return SupporterView.of(service.update(id, body));
    }

    @POST
    @Path("{id}/admit")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Admit an applicant", description = "Role: secretariat. applied -> active; joinedOn defaults "
            + "to today (UTC).")
    @APIResponse(responseCode = "200", description = "The active supporter")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such supporter")
    @APIResponse(responseCode = "409", description = "Not an applicant, or stale version")
    public SupporterView admit(@PathParam("id") UUID id, @Valid @NotNull Admit body) {
        return SupporterView.of(service.admit(id, body.version(), body.joinedOn()));
    }

    @POST
    @Path("{id}/suspend")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Suspend a supporter", description = "Role: secretariat. active -> suspended, with a reason. "
            + "Its clients get no new tokens while suspended.")
    @APIResponse(responseCode = "200", description = "The suspended supporter")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such supporter")
    @APIResponse(responseCode = "409", description = "Not active, or stale version")
    public SupporterView suspend(@PathParam("id") UUID id, @Valid @NotNull StatusChange body) {
        return SupporterView.of(service.suspend(id, body.version(), body.reason()));
    }

    @POST
    @Path("{id}/reinstate")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Reinstate a suspended supporter", description = "Role: secretariat. suspended -> active.")
    @APIResponse(responseCode = "200", description = "The active supporter")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such supporter")
    @APIResponse(responseCode = "409", description = "Not suspended, or stale version")
    public SupporterView reinstate(@PathParam("id") UUID id, @Valid @NotNull Reinstate body) {
        return SupporterView.of(service.reinstate(id, body.version(), body.reason()));
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Record a withdrawal", description = "Role: secretariat. Any status but withdrawn -> withdrawn, "
            + "with a reason; final.")
    @APIResponse(responseCode = "200", description = "The withdrawn supporter")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such supporter")
    @APIResponse(responseCode = "409", description = "Already withdrawn, or stale version")
    public SupporterView withdraw(@PathParam("id") UUID id, @Valid @NotNull StatusChange body) {
        return SupporterView.of(service.withdraw(id, body.version(), body.reason()));
    }
}
