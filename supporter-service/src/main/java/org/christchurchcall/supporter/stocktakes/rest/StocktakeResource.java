package org.christchurchcall.supporter.stocktakes.rest;

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
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.web.Params;
import org.christchurchcall.supporter.stocktakes.Stocktake;
import org.christchurchcall.supporter.stocktakes.StocktakeReport;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.CloseStocktake;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.OpenStocktake;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.ReportView;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.StocktakeView;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.SubmitReports;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.SubmitResult;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.Summary;
import org.christchurchcall.supporter.stocktakes.service.StocktakeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/v1/stocktakes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stocktakes", description = "Cycles in which supporters report progress on the commitments")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class StocktakeResource {

    @Inject
    StocktakeService service;

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Open a stocktake", description = "Role: secretariat.")
    @APIResponse(responseCode = "201", description = "Opened; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StocktakeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "409", description = "A stocktake with this name exists")
    public Response open(@Valid @NotNull OpenStocktake body, @Context UriInfo uri) {
        Stocktake s = service.open(body);
        return Response.created(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                .entity(StocktakeView.of(s)).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List stocktakes", description = "Any authenticated caller; newest first.")
    @APIResponse(responseCode = "200", description = "A page of stocktakes")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<StocktakeView> list(@BeanParam @Valid PageRequest page, @Context UriInfo uri) {
        List<Stocktake> rows = service.page(page.hasCursor() ? page.cursor() : null, page.limit() + 1);
        return Page.of(rows, page.limit(), s -> Cursor.encode(s.openedAt.toString(), s.id.toString()),
                StocktakeView::of, uri);
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "Read a stocktake", description = "Any authenticated caller.")
    @APIResponse(responseCode = "200", description = "The stocktake")
    @APIResponse(responseCode = "404", description = "No such stocktake")
    public StocktakeView get(@PathParam("id") UUID id) {
        return service.find(id).map(StocktakeView::of).orElseThrow(() -> ApiException.notFound("stocktake", id));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Close a stocktake", description = "Role: secretariat. Its reports are frozen from then on.")
    @APIResponse(responseCode = "200", description = "The closed stocktake")
    @APIResponse(responseCode = "403", description = "Not the secretariat")
    @APIResponse(responseCode = "404", description = "No such stocktake")
    @APIResponse(responseCode = "409", description = "Already closed, or stale version")
    public StocktakeView close(@PathParam("id") UUID id, @Valid @NotNull CloseStocktake body) {
        return StocktakeView.of(service.close(id, body.version()));
    }

    @POST
    @Path("{id}/reports")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY })
    @Operation(summary = "Submit progress reports", description = "Roles: an active supporter for itself, or the "
            + "secretariat on a supporter's behalf (supporterId). One entry per applicable commitment: government "
            + "commitments apply to governments and intergovernmental organisations, provider commitments to "
            + "companies, joint ones to all. Resubmitting replaces; the result says per entry whether it was "
            + "created, updated or unchanged.")
    @APIResponse(responseCode = "200", description = "What happened to each entry")
    @APIResponse(responseCode = "400", description = "Invalid entries (unknown, inapplicable or repeated commitment)")
    @APIResponse(responseCode = "403", description = "Reporting for another supporter")
    @APIResponse(responseCode = "404", description = "No such stocktake or supporter")
    @APIResponse(responseCode = "409", description = "The stocktake is closed, or the supporter is not active")
    public SubmitResult submit(@PathParam("id") UUID id, @Valid @NotNull SubmitReports body) {
        return service.submit(id, body);
    }

    @GET
    @Path("{id}/reports")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.AUDITOR, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL,
            Roles.CIVIL_SOCIETY })
    @Operation(summary = "Read progress reports", description = "Roles: secretariat and auditor read all; a supporter "
            + "reads its own.")
    @APIResponse(responseCode = "200", description = "A page of reports")
    @APIResponse(responseCode = "400", description = "Bad filter, limit or cursor")
    @APIResponse(responseCode = "403", description = "Another supporter's reports")
    @APIResponse(responseCode = "404", description = "No such stocktake")
    public Page<ReportView> reports(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page,
            @QueryParam("supporterId") String supporterId, @QueryParam("commitmentId") String commitmentId,
            @Context UriInfo uri) {
        List<StocktakeReport> rows = service.reports(id, Params.uuid("supporterId", supporterId),
                Params.text(commitmentId), page.hasCursor() ? page.cursor() : null, page.limit() + 1);
        return Page.of(rows, page.limit(), r -> Cursor.encode(r.id.toString()), ReportView::of, uri);
    }

    @GET
    @Path("{id}/summary")
    @Authenticated
    @Operation(summary = "Summary of a stocktake", description = "Any authenticated caller: counts per commitment by "
            + "status, overall and per supporter type; no supporter is named.")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "404", description = "No such stocktake")
    public Summary summary(@PathParam("id") UUID id) {
        return service.summary(id);
    }
}
