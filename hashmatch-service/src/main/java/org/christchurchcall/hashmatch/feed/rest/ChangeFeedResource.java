package org.christchurchcall.hashmatch.feed.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.hashmatch.feed.ChangeKind;
import org.christchurchcall.hashmatch.feed.service.ChangeFeed;
import org.christchurchcall.hashmatch.feed.service.ChangeFeed.Change;
import org.christchurchcall.hashmatch.hash.HashStatus;
import org.christchurchcall.hashmatch.hash.HashType;
import org.christchurchcall.hashmatch.hash.rest.HashView;
import org.christchurchcall.hashmatch.hash.rest.QueryParams;
import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

@Path("/api/v1/hashes/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "change feed", description = "Partner sync: every addition, label change, status change and retraction")
@SecurityRequirement(name = "oauth2")
public class ChangeFeedResource {

    /** A change with the record's state as of that change; contributorId only for the secretariat and the contributor. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeView(
            @Schema(enumeration = { "added", "labels-changed", "status-changed", "retracted" }, example = "added") ChangeKind change,
            @Schema(example = "2026-03-15T02:10:00Z") Instant changedAt,
            @Schema(example = "6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60") UUID id,
            @Schema(enumeration = { "pdq", "md5", "sha256", "vpdq", "video-md5" }, example = "pdq") HashType type,
            @Schema(description = "the hash; for vpdq the SHA-256 of its frames in the hash file's text",
                    example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22") String value,
            @Schema(description = "pdq: PDQ quality; vpdq: the share (%) of frames of quality 50 or more",
                    minimum = "0", maximum = "100", example = "100") Integer quality,
            @Schema(description = "vpdq only: how many frames", example = "19") Integer frameCount,
            @Schema(description = "vpdq only: the last frame's timestamp, in seconds", example = "18.0") Double duration,
            @Schema(description = "vpdq only: where to read the frames (GET, paginated); a follower indexing videos "
                    + "reads them once, on `added`",
                    example = "/api/v1/hashes/6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60/frames") String frames,
            @Schema(example = "[\"graphic-violence-against-defenceless-people\", \"video\"]") List<String> labels,
            @Schema(enumeration = { "active", "disputed", "retracted" }, example = "active") HashStatus status,
            UUID incidentId, @Schema(minimum = "0", maximum = "100", example = "90") Integer confidence,
            @Schema(description = "only for the secretariat and the contributor") UUID contributorId) {
    }

    /**
     * {@code nextCursor} is never null: at the end of the log it is the position to poll from
     * later; {@code hasMore} tells whether to fetch again at once.
     */
    public record ChangePage(List<ChangeView> items,
            @Schema(description = "The position after these changes; never null: poll from it later",
                    example = "MTIzNDU") String nextCursor,
            @Schema(description = "Link to the following changes",
                    example = "/api/v1/hashes/changes?limit=100&after=MTIzNDU") String next,
            @Schema(description = "Whether more changes are waiting: fetch next at once", example = "false") boolean hasMore) {
    }

    @Inject
    ChangeFeed feed;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.MATCHER, Roles.HASH_CONTRIBUTOR, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "Changes after a cursor, in commit order", description = "Roles matcher, hash-contributor, "
            + "secretariat, service. Start without `after`; keep the returned nextCursor. Applying the entries in "
            + "order (upsert by id; drop the id on `retracted`) leaves exactly the records that are not retracted. "
            + "A vpdq entry carries frameCount and a link to its frames, not the frames: a follower fetches them "
            + "once, when the record is added (frames never change).")
    @APIResponse(responseCode = "200", description = "Up to `limit` changes and the cursor after them")
    @APIResponse(responseCode = "400", description = "Bad cursor or limit")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
    public ChangePage changes(
            @QueryParam("after") @Parameter(description = "nextCursor of the previous page; absent for the beginning",
                    example = "MTIzNDU") String after,
            @QueryParam("limit") @Parameter(description = "Changes per page", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "1000", defaultValue = "100"), example = "100") String limitParam,
            @Context UriInfo uri) {
        int limit = QueryParams.intBetween("limit", limitParam, 100, 1, 1000);
        long afterSeq = after == null || after.isBlank() ? 0L : seq(Cursor.decode(after, 1).get(0));
        List<Change> rows = feed.after(afterSeq, limit + 1);
        boolean more = rows.size() > limit;
        List<Change> served = more ? rows.subList(0, limit) : rows;
        long last = served.isEmpty() ? afterSeq : served.get(served.size() - 1).seq();
        String cursor = Cursor.encode(String.valueOf(last));
        String link = uri.getRequestUriBuilder().replaceQueryParam("after", cursor).build().toString();
        return new ChangePage(served.stream().map(this::view).toList(), cursor, link, more);
    }

    private ChangeView view(Change c) {
        boolean mayKnowContributor = caller.isSecretariat() || caller.actsFor(c.contributorId());
        return new ChangeView(c.kind(), c.changedAt(), c.id(), c.type(), c.value(), c.quality(), c.frameCount(),
                c.duration(), HashView.framesLink(c.id(), c.type()), c.labels(), c.status(),
                c.incidentId(), c.confidence(), mayKnowContributor ? c.contributorId() : null);
    }

    private static long seq(String s) {
        try {
            long v = Long.parseLong(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("after", "not a cursor this feed returned");
        }
    }
}
