package org.christchurchcall.report.draft.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.report.content.ReportContent;
import org.christchurchcall.report.draft.ReportDraft;
import org.christchurchcall.report.draft.service.DraftService;
import org.christchurchcall.report.publication.PublishedReport;
import org.christchurchcall.report.publication.rest.ReportLinks;
import org.christchurchcall.report.publication.rest.PublishedDtos;
import org.christchurchcall.report.publication.rest.ReportExamples;
import org.christchurchcall.report.publication.service.PublicationService;
import org.christchurchcall.report.rendering.HtmlReport;
import org.christchurchcall.report.rendering.ReportPage;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/report-drafts")
@Tag(name = "Report drafts", description = "Reports generated from the other services' aggregates, before publication")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class DraftResource {

    @Inject
    DraftService drafts;

    @Inject
    PublicationService publication;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a draft report for a period (secretariat)",
            description = "Calls hashmatch-service, protocol-service and supporter-service for their aggregates; a source that "
                    + "fails leaves its figures named as missing, never as zero.")
    @APIResponse(responseCode = "201", description = "Draft generated; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftDtos.DraftView.class)))
    @APIResponse(responseCode = "400", description = "Malformed period, or one before 2019 or in the future")
    public Response create(@NotNull @Valid DraftDtos.CreateDraft body, @Context UriInfo uri) {
        ReportDraft d = drafts.generate(body.period(), caller.clientId());
        return Response.created(uri.getAbsolutePathBuilder().path(d.id.toString()).build()).entity(view(d)).build();
    }

    @GET
    @RolesAllowed({ Roles.SECRETARIAT, Roles.AUDITOR })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List drafts, newest first (secretariat, auditor)")
    @APIResponse(responseCode = "200", description = "A page of drafts")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<DraftDtos.DraftSummary> list(@BeanParam @Valid PageRequest page, @Context UriInfo uri) {
        return Page.of(drafts.page(page.cursor(), page.limit()), page.limit(),
                d -> Cursor.encode(d.generatedAt.toString(), d.id.toString()),
                d -> new DraftDtos.DraftSummary(d.id, d.periodKey, d.status, d.version, d.generatedAt, d.missingCount,
                        d.publishedVersion),
                uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.AUDITOR })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A draft with its figures, sources and missing figures (secretariat, auditor)")
    @APIResponse(responseCode = "200", description = "The draft")
    @APIResponse(responseCode = "404", description = "No such draft")
    public DraftDtos.DraftView get(@PathParam("id") UUID id) {
        return view(find(id));
    }

    @GET
    @Path("/{id}/report.html")
    @RolesAllowed({ Roles.SECRETARIAT, Roles.AUDITOR })
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A draft as the HTML page it would be published as (secretariat, auditor)")
    @APIResponse(responseCode = "200", description = "The HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "page", summary = "The start of a draft page",
                            value = ReportExamples.DRAFT_HTML)))
    @APIResponse(responseCode = "404", description = "No such draft")
    public Response html(@PathParam("id") UUID id) {
        ReportDraft d = find(id);
        ReportContent content = drafts.content(d);
        return Response.ok(HtmlReport.render(ReportPage.draft(content, java.util.List.of())))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", ReportLinks.CSP).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Discard an unpublished draft (secretariat)")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "404", description = "No such draft")
    @APIResponse(responseCode = "409", description = "The draft was published and is kept")
    public void discard(@PathParam("id") UUID id) {
        drafts.discard(id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.SECRETARIAT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a draft as the next version of its period's report (secretariat)",
            description = "Freezes an immutable snapshot with its version, time, figures and sources, and the SHA-256 of its "
                    + "canonical JSON. A draft with missing figures needs an override with a reason, which the report states.")
    @APIResponse(responseCode = "201", description = "Published; Location is the version's public URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublishedDtos.PublishedSummary.class)))
    @APIResponse(responseCode = "400", description = "Bad body, or an override on a draft with every figure")
    @APIResponse(responseCode = "404", description = "No such draft")
    @APIResponse(responseCode = "409", description = "Stale version, already published, or figures missing without an override")
    public Response publish(@PathParam("id") UUID id, @NotNull @Valid DraftDtos.Publish body, @Context UriInfo uri) {
        PublishedReport r = publication.publish(id, new PublicationService.PublishCommand(body.version(),
                body.override() == null ? null : body.override().reason()), caller.clientId());
        URI location = uri.getBaseUriBuilder().path(ReportLinks.version(r.periodKey, r.versionNumber)).build();
        return Response.created(location).entity(PublishedDtos.summary(r, uri)).build();
    }

    private ReportDraft find(UUID id) {
        return drafts.find(id).orElseThrow(() -> ApiException.notFound("draft", id));
    }

    private DraftDtos.DraftView view(ReportDraft d) {
        ReportContent content = drafts.content(d);
        return new DraftDtos.DraftView(d.id, d.periodKey, d.status, d.version, d.generatedAt, d.publishedVersion,
                d.publishedVersion == null ? null : ReportLinks.version(d.periodKey, d.publishedVersion), content.missing(),
                content);
    }
}
