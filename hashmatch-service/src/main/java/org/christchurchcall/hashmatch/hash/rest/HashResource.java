package org.christchurchcall.hashmatch.hash.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.config.VideoLimitsConfig;
import org.christchurchcall.hashmatch.hash.HashRecord;
import org.christchurchcall.hashmatch.hash.service.HashQueryService;
import org.christchurchcall.hashmatch.hash.service.HashQueryService.FramePage;
import org.christchurchcall.hashmatch.hash.service.SubmissionRules;
import org.christchurchcall.hashmatch.values.Frame;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.hash.service.HashRetraction;
import org.christchurchcall.hashmatch.hash.service.HashSubmission;
import org.christchurchcall.hashmatch.hash.service.HashSubmissionService;
import org.christchurchcall.hashmatch.hash.service.HashSubmissionService.Contributor;
import org.christchurchcall.hashmatch.hash.service.HashSubmissionService.ItemOutcome;
import org.christchurchcall.hashmatch.hash.service.HashSubmissionService.ItemResult;
import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.pagination.Page;
import org.christchurchcall.platform.pagination.PageRequest;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

@Path("/api/v1/hashes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hashes", description = "Shared hashes of known terrorist and violent extremist content")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class HashResource {

    public record BulkSubmission(@Schema(description = "1 to ccall.hashmatch.max-bulk-items (10,000) hashes",
            required = true, example = "[{\"type\": \"pdq\", \"value\": "
                    + "\"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22\", \"quality\": 100, "
                    + "\"labels\": [\"graphic-violence-against-defenceless-people\", \"video\"]}, "
                    + "{\"type\": \"md5\", \"value\": \"d41d8cd98f00b204e9800998ecf8427e\", "
                    + "\"labels\": [\"instruction\"]}]") List<HashSubmission> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkItem(@Schema(description = "the item's position in the request, from 0", example = "0") int index,
            @Schema(enumeration = { "created", "existing", "rejected" }, example = "created") ItemResult result,
            @Schema(description = "the record; absent when rejected", example = "6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60") UUID id,
            @Schema(description = "why the item was rejected", example = "labels: not in the taxonomy: not-a-label") String reason) {
    }

    public record BulkResult(@Schema(example = "1") int created, @Schema(example = "0") int existing,
            @Schema(example = "1") int rejected, List<BulkItem> items) {
    }

    @Inject
    HashSubmissionService submissions;

    @Inject
    HashQueryService queries;

    @Inject
    HashRetraction retraction;

    @Inject
    HashmatchConfig config;

    @Inject
    VideoLimitsConfig video;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HASH_CONTRIBUTOR)
    @Operation(summary = "Share one hash", description = "Role hash-contributor, acting for a supporter. Idempotent per "
            + "(type, value, contributor): a hash already shared by the same supporter returns the stored record with 200. "
            + "A pdq hash must carry the quality its hasher reported; below ccall.hashmatch.min-quality (50) it is refused. "
            + "A vpdq hash (a video) is its frames, as `frames` or as the text of the reference's hash file "
            + "(`frameNumber,quality,pdqHex,timestamp` a line) in `value`: at most ccall.hashmatch.video.max-frames "
            + "(7,200) frames, sorted by frame number without duplicates, timestamps never decreasing, the last at most "
            + "ccall.hashmatch.video.max-duration (4 h); its value becomes the SHA-256 of the frames' text, so the same "
            + "frames sent either way are the same record. A video without a frame of quality 50 or more is refused "
            + "(422). Its frames are read back from /api/v1/hashes/{id}/frames.")
    @APIResponse(responseCode = "201", description = "Created; Location names the record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HashView.class)))
    @APIResponse(responseCode = "200", description = "This supporter had already shared the hash",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HashView.class)))
    @APIResponse(responseCode = "400", description = "Invalid type, value, frames, labels, quality or confidence, or "
            + "a video above the frame or duration limit")
    @APIResponse(responseCode = "409", description = "The same hash was being submitted concurrently")
    @APIResponse(responseCode = "422", description = "PDQ quality below the minimum, or a video without a frame of "
            + "that quality")
    public Response submit(HashSubmission submission, @Context UriInfo uri) {
        if (submission == null) {
            throw ApiException.badRequest("a hash submission body is required");
        }
        ItemOutcome outcome = submissions.submit(contributor(), submission);
        URI location = uri.getBaseUriBuilder().path("api/v1/hashes").path(outcome.record().id.toString()).build();
        HashView view = HashView.of(outcome.record(), caller);
        return outcome.result() == ItemResult.CREATED ? Response.created(location).entity(view).build()
                : Response.ok(view).location(location).build();
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HASH_CONTRIBUTOR)
    @Operation(summary = "Share up to 10,000 hashes", description = "Role hash-contributor. Each item is created, "
            + "existing (already shared by this supporter) or rejected with its reason; valid items are stored even "
            + "when others are rejected. Items are as for POST /api/v1/hashes. The frames of all vpdq items together "
            + "are at most ccall.hashmatch.video.max-request-frames (72,000: ten two-hour videos at one hash a "
            + "second, about 9.5 MB of JSON, under the 20 MiB body limit); above it the whole request is refused.")
    @APIResponse(responseCode = "200", description = "What happened to each item, in request order")
    @APIResponse(responseCode = "400", description = "No items, more than the item limit, or more frames than the "
            + "frame limit")
    @APIResponse(responseCode = "409", description = "Some of the hashes were being submitted concurrently")
    public BulkResult submitBulk(BulkSubmission bulk) {
        if (bulk == null || bulk.items() == null || bulk.items().isEmpty()) {
            throw ApiException.invalidField("items", "at least one item is required");
        }
        if (bulk.items().size() > config.maxBulkItems()) {
            throw ApiException.invalidField("items", "at most " + config.maxBulkItems() + " items per request");
        }
        long frames = bulk.items().stream().mapToLong(SubmissionRules::frameCount).sum();
        if (frames > video.maxRequestFrames()) {
            throw ApiException.invalidField("items", "at most " + video.maxRequestFrames() + " video frames per request "
                    + "(ccall.hashmatch.video.max-request-frames); these items have " + frames);
        }
        List<ItemOutcome> outcomes = submissions.submitAll(contributor(), bulk.items());
        int created = 0;
        int existing = 0;
        int rejected = 0;
        for (ItemOutcome o : outcomes) {
            switch (o.result()) {
                case CREATED -> created++;
                case EXISTING -> existing++;
                case REJECTED -> rejected++;
            }
        }
        List<BulkItem> items = outcomes.stream()
                .map(o -> new BulkItem(o.index(), o.result(), o.record() == null ? null : o.record().id, o.reason()))
                .toList();
        return new BulkResult(created, existing, rejected, items);
    }

    @GET
    @RolesAllowed({ Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "List hashes, optionally of one incident", description = "Roles hash-contributor, matcher, "
            + "secretariat, service. In key order; contributor ids only for the secretariat and the contributor.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    public Page<HashView> list(@QueryParam("incidentId") @Parameter(description = "only hashes of this incident",
            example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") String incident,
            @BeanParam @Valid PageRequest page, @Context UriInfo uri) {
        long after = page.hasCursor() ? parseSeq(Cursor.decode(page.cursor(), 1).get(0)) : 0L;
        UUID incidentId = QueryParams.uuid("incidentId", incident);
        List<HashRecord> rows = queries.page(incidentId, after, page.limit() + 1);
        return Page.of(rows, page.limit(), r -> Cursor.encode(String.valueOf(r.seqId)), r -> HashView.of(r, caller), uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "One hash record", description = "Roles hash-contributor, matcher, secretariat, service.")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "404", description = "No such record")
    public HashView get(@PathParam("id") UUID id) {
        return HashView.of(queries.get(id), caller);
    }

    @GET
    @Path("{id}/frames")
    @RolesAllowed({ Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "The frames of a vpdq hash, a page at a time", description = "Roles hash-contributor, "
            + "matcher, secretariat, service. In frame order; one page may hold a whole video "
            + "(limit up to ccall.hashmatch.video.max-frames, 7,200). Lists, the record and the change feed give only "
            + "frameCount and this link, never the frames.")
    @APIResponse(responseCode = "200", description = "One page of frames")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "404", description = "No such record, or not a vpdq record")
    public Page<Frame> frames(@PathParam("id") UUID id,
            @QueryParam("limit") @Parameter(description = "Frames per page; at most ccall.hashmatch.video.max-frames",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "7200", defaultValue = "1000"),
                    example = "1000") String limitParam,
            @QueryParam("cursor") @Parameter(description = "Where the page starts: the nextCursor of the previous page",
                    example = "MTAwMA") String cursor,
            @Context UriInfo uri) {
        int limit = QueryParams.intBetween("limit", limitParam, Math.min(1000, video.maxFrames()), 1, video.maxFrames());
        int offset = cursor == null || cursor.isBlank() ? 0 : parseOffset(Cursor.decode(cursor, 1).get(0));
        FramePage page = queries.frames(id, offset, limit + 1);
        List<Integer> ordinals = new ArrayList<>(page.frames().size());
        for (int i = 0; i < page.frames().size(); i++) {
            ordinals.add(offset + i);
        }
        List<VpdqFrame> frames = page.frames();
        return Page.of(ordinals, limit, o -> Cursor.encode(String.valueOf(o + 1)), o -> Frame.of(frames.get(o - offset)),
                uri);
    }

    @POST
    @Path("{id}/retraction")
    @RolesAllowed({ Roles.HASH_CONTRIBUTOR, Roles.SECRETARIAT })
    @Operation(summary = "Retract a hash", description = "The contributor retracts its own hash, the secretariat any. "
            + "The record stops matching on this replica at once and on every other within a second, and the "
            + "retraction enters the change feed.")
    @APIResponse(responseCode = "200", description = "The retracted record")
    @APIResponse(responseCode = "404", description = "No such record among the caller's")
    @APIResponse(responseCode = "409", description = "Already retracted")
    public HashView retract(@PathParam("id") UUID id) {
        HashRecord r = retraction.retract(id, caller);
        return HashView.of(r, caller);
    }

    private Contributor contributor() {
        UUID supporter = caller.supporterId()
                .orElseThrow(() -> ApiException.forbidden("hashes are shared by a supporter; this token names none"));
        String type = caller.supporterType()
                .orElseGet(() -> caller.roles().stream().filter(Roles.SUPPORTER_TYPES::contains).findFirst()
                        .orElse("unknown"));
        return new Contributor(supporter, type);
    }

    static int parseOffset(String s) {
        try {
            int v = Integer.parseInt(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("cursor", "not a cursor this list returned");
        }
    }

    static long parseSeq(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("cursor", "not a cursor this list returned");
        }
    }
}
