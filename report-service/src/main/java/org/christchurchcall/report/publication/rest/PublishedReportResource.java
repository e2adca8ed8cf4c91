package org.christchurchcall.report.publication.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.pagination.Page;
import org.christchurchcall.platform.pagination.PageRequest;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.report.config.EmbeddingConfig;
import org.christchurchcall.report.content.FigureTable;
import org.christchurchcall.report.content.ReportChanges;
import org.christchurchcall.report.content.ReportJson;
import org.christchurchcall.report.content.ReportSnapshot;
import org.christchurchcall.report.publication.PublishedReport;
import org.christchurchcall.report.publication.service.PublicationService;
import org.christchurchcall.report.rendering.Csv;
import org.christchurchcall.report.rendering.HtmlReport;
import org.christchurchcall.report.rendering.ReportPage;
import org.christchurchcall.report.rendering.ZipOfTables;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Published reports: public, no token, at stable URLs. A version never changes, so its
 * representations are cacheable forever and carry the snapshot's hash as their entity tag.
 */
@Path("/api/v1/reports")
@PermitAll
@Tag(name = "Published reports", description = "Immutable published reports, public without a token")
public class PublishedReportResource {

    private static final String PERIOD = "{period: [0-9a-z-]+}";
    private static final String VERSION = "{version: [0-9]+}";

    @Inject
    PublicationService publication;

    @Inject
    ReportJson json;

    @Inject
    EmbeddingConfig embedding;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Published report versions, newest first (public)")
    @APIResponse(responseCode = "200", description = "A page of published versions")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<PublishedDtos.PublishedSummary> list(@BeanParam @Valid PageRequest page, @Context UriInfo uri) {
        return Page.of(publication.page(page.cursor(), page.limit()), page.limit(),
                r -> Cursor.encode(r.publishedAt.toString(), r.id.toString()), r -> PublishedDtos.summary(r, uri), uri);
    }

    @GET
    @Path(PERIOD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published versions of one period's report (public)")
    @APIResponse(responseCode = "200", description = "The versions, oldest first, and the latest")
    @APIResponse(responseCode = "404", description = "Nothing published for this period")
    public PublishedDtos.PeriodReports period(@PathParam("period") @Parameter(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", example = "2024-q2") String period, @Context UriInfo uri) {
        List<PublishedReport> versions = publication.versions(period);
        if (versions.isEmpty()) {
            throw ApiException.notFound("published report for period", period);
        }
        PublishedReport latest = versions.get(versions.size() - 1);
        return new PublishedDtos.PeriodReports(period, latest.versionNumber,
                uri.getBaseUriBuilder().path(ReportLinks.version(period, latest.versionNumber)).build().toString(),
                versions.stream().map(r -> PublishedDtos.summary(r, uri)).toList());
    }

    @GET
    @Path(PERIOD + "/latest")
    @Operation(summary = "Redirects to the latest version of a period's report (public)")
    @APIResponse(responseCode = "307", description = "Location is the latest version")
    @APIResponse(responseCode = "404", description = "Nothing published for this period")
    public Response latest(@PathParam("period") @Parameter(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", example = "2024-q2") String period, @Context UriInfo uri) {
        return redirectToLatest(period, "", uri);
    }

    @GET
    @Path(PERIOD + "/latest/{rest: [a-z0-9./-]+}")
    @Operation(summary = "Redirects to the same representation of the latest version (public)",
            description = "/latest/report.html, /latest/tables.zip, ... answer 307 to /versions/{n}/...")
    @APIResponse(responseCode = "307", description = "Location is the representation of the latest version")
    @APIResponse(responseCode = "404", description = "Nothing published for this period")
    public Response latestRepresentation(@PathParam("period") @Parameter(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", example = "2024-q2") String period, @PathParam("rest") @Parameter(description = "The representation", example = "report.html") String rest,
            @Context UriInfo uri) {
        return redirectToLatest(period, "/" + rest, uri);
    }

    private Response redirectToLatest(String period, String rest, UriInfo uri) {
        PublishedReport latest = publication.latest(period)
                .orElseThrow(() -> ApiException.notFound("published report for period", period));
        URI target = uri.getBaseUriBuilder().path(ReportLinks.version(period, latest.versionNumber) + rest).build();
        return Response.temporaryRedirect(target).header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path(PERIOD + "/versions/" + VERSION)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One published version as JSON: the snapshot, its SHA-256 and how to re-check it (public)")
    @APIResponse(responseCode = "200", description = "The published report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublishedDtos.PublishedView.class)))
    @APIResponse(responseCode = "404", description = "No such version")
    public Response version(@PathParam("period") @Parameter(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", example = "2024-q2") String period, @PathParam("version") @Parameter(description = "From 1 within the period", example = "1") int version, @Context UriInfo uri) {
        PublishedReport r = find(period, version);
        Map<String, String> links = new LinkedHashMap<>();
        ReportLinks.forVersion(period, version)
                .forEach(l -> links.put(l.rel(), uri.getBaseUriBuilder().path(l.href()).build().toString()));
        links.put("html", uri.getBaseUriBuilder().path(ReportLinks.version(period, version) + "/report.html").build().toString());
        PublishedDtos.PublishedView view = new PublishedDtos.PublishedView(r.periodKey, r.versionNumber, r.publishedAt, r.sha256,
                ReportLinks.CANONICALISATION, links, json.readTree(r.snapshot));
        return immutable(Response.ok(view), r).build();
    }

    @GET
    @Path(PERIOD + "/versions/" + VERSION + "/canonical.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The exact bytes the published SHA-256 covers (public)")
    @APIResponse(responseCode = "200", description = "Canonical JSON of the snapshot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "The snapshot (schema ccall-report/1) as RFC 8785 canonical JSON; its SHA-256 is the "
                            + "version's sha256"),
                    examples = @ExampleObject(name = "snapshot", summary = "Part of a snapshot (keys sorted)",
                            value = ReportExamples.CANONICAL)))
    @APIResponse(responseCode = "404", description = "No such version")
    public Response canonical(@PathParam("period") @Parameter(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", example = "2024-q2") String period, @PathParam("version") @Parameter(description = "From 1 within the period", example = "1") int version) {
        PublishedReport r = find(period, version);
        return immutable(Response.ok(r.snapshot.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE), r)
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(r.sha256)))
                .build();
    }

    @GET
    @Path(PERIOD + "/versions/" + VERSION + "/report.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One published version as an HTML page with SVG charts and a print stylesheet; works offline (public)")
    @APIResponse(responseCode = "200", description = "The HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "page", summary = "The start of a published page",
                            value = ReportExamples.PUBLISHED_HTML)))
    @APIResponse(responseCode = "404", description = "No such version")
    public Response html(@PathParam("period") @Parameter(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", example = "2024-q2") String period, @PathParam("version") @Parameter(description = "From 1 within the period", example = "1") int version, @Context UriInfo uri) {
        PublishedReport r = find(period, version);
        ReportSnapshot s = publication.snapshot(r);
        List<ReportPage.Link> links = ReportLinks.forVersion(period, version).stream()
                .map(l -> new ReportPage.Link(l.rel(), l.label(), uri.getBaseUriBuilder().path(l.href()).build().toString()))
                .toList();
        String page = HtmlReport.render(ReportPage.published(s, r.sha256, changes(s), links));
        return immutable(Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")), r)
                .header("Content-Security-Policy", ReportLinks.csp(embedding.frameAncestorSources())).build();
    }

    @GET
    @Path(PERIOD + "/versions/" + VERSION + "/tables/{figure: [a-z0-9-]+}.csv")
    @Produces("text/csv")
    @Operation(summary = "One figure of a published version as CSV (public)")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV; an empty field is an unknown value",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "hashes-by-type", summary = "The figure hashes-by-type",
                            value = ReportExamples.CSV)))
    @APIResponse(responseCode = "404", description = "No such version or figure")
    @APIResponse(responseCode = "409", description = "The figure is missing from this version")
    public Response csv(@PathParam("period") @Parameter(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", example = "2024-q2") String period, @PathParam("version") @Parameter(description = "From 1 within the period", example = "1") int version,
            @PathParam("figure") @Parameter(description = "A figure id, as in the snapshot's tables", example = "hashes-by-type") String figure) {
        PublishedReport r = find(period, version);
        FigureTable t = publication.snapshot(r).table(figure);
        if (t == null) {
            throw ApiException.notFound("figure", figure);
        }
        if (t.isMissing()) {
            throw new ApiException(ProblemType.INVALID_STATE, "figure " + figure + " is missing from version " + version
                    + " of " + period + ": " + t.missingReason());
        }
        return immutable(Response.ok(Csv.of(t), "text/csv; charset=UTF-8; header=present"), r)
                .header("Content-Disposition", "inline; filename=\"" + period + "-v" + version + "-" + figure + ".csv\"")
                .build();
    }

    @GET
    @Path(PERIOD + "/versions/" + VERSION + "/tables.zip")
    @Produces("application/zip")
    @Operation(summary = "Every available figure of a published version as CSV files in a zip, with a README (public)")
    @APIResponse(responseCode = "200", description = "The zip: README.txt and one <figure>.csv per available figure",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "tables", summary = "The tables of 2024-q2 version 1",
                            externalValue = "/api/v1/reports/2024-q2/versions/1/tables.zip")))
    @APIResponse(responseCode = "404", description = "No such version")
    public Response zip(@PathParam("period") @Parameter(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", example = "2024-q2") String period, @PathParam("version") @Parameter(description = "From 1 within the period", example = "1") int version) {
        PublishedReport r = find(period, version);
        return immutable(Response.ok(ZipOfTables.of(publication.snapshot(r), r.sha256), "application/zip"), r)
                .header("Content-Disposition", "attachment; filename=\"" + period + "-v" + version + "-tables.zip\"")
                .build();
    }

    @GET
    @Path(PERIOD + "/versions/" + VERSION + "/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What changed from the previous version of the same period (public)")
    @APIResponse(responseCode = "200", description = "Changes per figure and value; empty for a first version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportChanges.class)))
    @APIResponse(responseCode = "404", description = "No such version")
    public Response changes(@PathParam("period") @Parameter(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", example = "2024-q2") String period, @PathParam("version") @Parameter(description = "From 1 within the period", example = "1") int version) {
        PublishedReport r = find(period, version);
        return immutable(Response.ok(changes(publication.snapshot(r))), r).build();
    }

    private ReportChanges changes(ReportSnapshot s) {
        ReportSnapshot previous = s.previous() == null ? null
                : publication.find(s.period().key(), s.previous().version()).map(publication::snapshot).orElse(null);
        return ReportChanges.between(previous, s);
    }

    private PublishedReport find(String period, int version) {
        return publication.find(period, version)
                .orElseThrow(() -> ApiException.notFound("published report", period + " version " + version));
    }

    private static Response.ResponseBuilder immutable(Response.ResponseBuilder b, PublishedReport r) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(31536000);
        cache.getCacheExtension().put("immutable", null);
        cache.setPrivate(false);
        return b.cacheControl(cache).tag(new EntityTag(r.sha256)).header("X-Report-SHA256", r.sha256);
    }
}
