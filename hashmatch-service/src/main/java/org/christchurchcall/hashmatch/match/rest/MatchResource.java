package org.christchurchcall.hashmatch.match.rest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.christchurchcall.hashmatch.compute.rest.UploadExamples;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.christchurchcall.hashmatch.compute.rest.FileForm;
import org.christchurchcall.hashmatch.compute.service.FileHashing;
import org.christchurchcall.hashmatch.compute.service.FileHashing.FileHashes;
import org.christchurchcall.hashmatch.compute.service.Upload;
import org.christchurchcall.hashmatch.compute.service.UploadReader;
import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.config.VideoLimitsConfig;
import org.christchurchcall.hashmatch.hash.HashType;
import org.christchurchcall.hashmatch.hash.VideoFrames;
import org.christchurchcall.hashmatch.hash.VideoInput;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.hash.rest.QueryParams;
import org.christchurchcall.hashmatch.match.rest.MatchRequest.HashQuery;
import org.christchurchcall.hashmatch.match.rest.MatchResponse.QueryResult;
import org.christchurchcall.hashmatch.match.service.MatchService;
import org.christchurchcall.hashmatch.match.service.MatchService.Query;
import org.christchurchcall.hashmatch.match.service.MatchService.QueryHits;
import org.christchurchcall.hashmatch.match.service.MatchService.VideoThresholds;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/match")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matching", description = "Look up hashes or files against the shared hashes")
@SecurityRequirement(name = "oauth2")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
public class MatchResource {

    @Inject
    MatchService matcher;

    @Inject
    HashmatchConfig config;

    @Inject
    VideoLimitsConfig video;

    @Inject
    UploadReader uploads;

    @Inject
    FileHashing hashing;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "Match up to 1,000 hashes", description = "Roles matcher, secretariat, service. pdq matches "
            + "every image record within the threshold (Hamming distance) and every video (vpdq record) with a frame "
            + "within it; md5, sha256 and video-md5 match exactly. A vpdq query is a video's frames (`frames`, or the "
            + "hash file's text in `value`; at most ccall.hashmatch.video.max-frames (7,200), sorted by frame number, "
            + "the last at most ccall.hashmatch.video.max-duration (4 h) in) and matches as HMA does: frames of quality "
            + "50 or more, unique hashes, two frames match within the threshold; a video matches when at least "
            + "minQueryPercent (80) of the query's frames and minCandidatePercent (0) of the video's match. It also "
            + "finds the image records near any of its frames. Retracted records never match; disputed ones do, with "
            + "their status. Dihedral variants need the image: use /api/v1/match/file?dihedral=true, or send the eight "
            + "hashes of `pdq --dihedral` as queries.")
    @APIResponse(responseCode = "200", description = "The hits of each query, nearest first (videos of a vpdq query: "
            + "highest queryPercent first)")
    @APIResponse(responseCode = "400", description = "No queries, too many, a malformed hash or video, too many "
            + "frames, a threshold above the cap or a percentage outside 0..100")
    public MatchResponse match(MatchRequest request) {
        if (request == null || request.queries() == null || request.queries().isEmpty()) {
            throw ApiException.invalidField("queries", "at least one query is required");
        }
        if (request.queries().size() > config.maxQueries()) {
            throw ApiException.invalidField("queries", "at most " + config.maxQueries() + " queries per request");
        }
        long frames = 0;
        for (HashQuery q : request.queries()) {
            frames += q == null ? 0 : q.frames() != null ? q.frames().size()
                    : "vpdq".equals(q.type()) ? VideoInput.count(null, q.value()) : 0;
        }
        if (frames > video.maxRequestFrames()) {
            throw ApiException.invalidField("queries", "at most " + video.maxRequestFrames() + " video frames per request "
                    + "(ccall.hashmatch.video.max-request-frames); these queries have " + frames);
        }
        int threshold = threshold(request.threshold(), config);
        VideoThresholds thresholds = new VideoThresholds(
                percent("minQueryPercent", request.minQueryPercent(), video.defaultMinQueryPercent()),
                percent("minCandidatePercent", request.minCandidatePercent(), video.defaultMinCandidatePercent()));
        VideoInput.Limits limits = new VideoInput.Limits(video.maxFrames(), video.maxDuration().toMillis() / 1000.0);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Query> queries = new ArrayList<>(request.queries().size());
        for (int i = 0; i < request.queries().size(); i++) {
            HashQuery q = request.queries().get(i);
            String at = "queries[" + i + "]";
            Optional<HashType> type = q == null ? Optional.empty() : HashType.fromCode(q.type());
            if (type.isEmpty()) {
                errors.add(new Problem.FieldError(at + ".type", "must be one of " + HashType.CODES));
                continue;
            }
            if (type.get().frames()) {
                VideoInput.Result parsed = VideoInput.parse(q.frames(), q.value(), limits);
                if (parsed instanceof VideoInput.Invalid invalid) {
                    errors.add(new Problem.FieldError(at + "." + invalid.field(), invalid.message()));
                    continue;
                }
                List<VpdqFrame> f = ((VideoInput.Parsed) parsed).frames();
                queries.add(new Query(HashType.VPDQ, VideoFrames.digest(f), null, f));
                continue;
            }
            if (q.frames() != null) {
                errors.add(new Problem.FieldError(at + ".frames", "apply to vpdq queries only"));
                continue;
            }
            Optional<String> value = type.get().normalise(q.value());
            if (value.isEmpty()) {
                errors.add(new Problem.FieldError(at + ".value",
                        "a " + type.get().code() + " hash is " + type.get().formatHint()));
                continue;
            }
            queries.add(new Query(type.get(), value.get(), null));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION, errors.size() == 1 ? errors.get(0).field() + ": "
                    + errors.get(0).message() : errors.size() + " queries are invalid", errors);
        }
        MatchResponse r = respond(threshold, queries, matcher.match(queries, threshold, thresholds));
        boolean videos = queries.stream().anyMatch(q -> q.type() == HashType.VPDQ);
        return videos ? new MatchResponse(threshold, thresholds.minQueryPercent(), thresholds.minCandidatePercent(),
                r.results()) : r;
    }

    private static double percent(String field, Double requested, int defaultValue) {
        if (requested == null) {
            return defaultValue;
        }
        if (!(requested >= 0 && requested <= 100)) {
            throw ApiException.invalidField(field, "must be a percentage from 0 to 100");
        }
        return requested;
    }

    /** The file's own hashes beside the matches of each: md5, sha256, then pdq (and its variants). */
    public record FileMatchResponse(FileHashes file,
            @Schema(description = "the PDQ Hamming distance applied", example = "31") int threshold,
            @Schema(description = "why the file's PDQ hash was not matched", example = "quality 30 is below the minimum of 50")
            String pdqSkipped,
            List<QueryResult> results) {
    }

    @POST
    @Path("file")
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, "image/*" })
    @RolesAllowed({ Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "Match a file sent as the body", description = "Roles matcher, secretariat, service. The "
            + "file is hashed in memory (md5, sha256, and pdq for an image) and dropped. dihedral=true also matches "
            + "the seven rotated and mirrored variants of the image; each hit names its variant. A PDQ hash below "
            + "the minimum quality is not matched (pdqSkipped says so): it would match unrelated images.")
    @APIResponse(responseCode = "200", description = "The file's hashes and the hits of each")
    @APIResponse(responseCode = "400", description = "No or empty body, or a threshold above the cap")
    @APIResponse(responseCode = "413", description = "The file exceeds ccall.hashmatch.max-upload-size (20 MiB)")
    @APIResponse(responseCode = "422", description = "The image declares more pixels than ccall.hashmatch.max-pixels")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"), examples = @ExampleObject(name = "file", summary = UploadExamples.RAW_SUMMARY,
                            value = UploadExamples.RAW_VALUE)),
            @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "image", summary = UploadExamples.RAW_SUMMARY,
                            value = UploadExamples.RAW_VALUE)) })
    public FileMatchResponse matchRaw(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dihedral") @Parameter(description = "also match the 7 rotated and mirrored variants") boolean dihedral,
            @QueryParam("threshold") @Parameter(description = "largest PDQ Hamming distance; default "
                    + "ccall.hashmatch.default-threshold", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                            maximum = "31", defaultValue = "31"), example = "31") String threshold) {
        int t = threshold(threshold == null || threshold.isBlank() ? null
                : QueryParams.intBetween("threshold", threshold, 0, 0, config.maxThreshold()), config);
        try (Upload upload = uploads.read(body, contentType, dihedral ? "dihedral=true" : null)) {
            return matchFile(upload, dihedral, t);
        }
    }

    @POST
    @Path("file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "Match a file sent as the form part `file`", description = "As the raw form.")
    @APIResponse(responseCode = "200", description = "The file's hashes and the hits of each")
    @APIResponse(responseCode = "400", description = "No file part, or a threshold above the cap")
    @APIResponse(responseCode = "413", description = "The file exceeds ccall.hashmatch.max-upload-size (20 MiB)")
    @APIResponse(responseCode = "422", description = "The image declares more pixels than ccall.hashmatch.max-pixels")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = FileForm.class), examples = @ExampleObject(name = "file",
                    summary = UploadExamples.FORM_SUMMARY, value = UploadExamples.FORM_VALUE)))
    public FileMatchResponse matchForm(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dihedral") @Parameter(description = "also match the 7 rotated and mirrored variants") boolean dihedral,
            @QueryParam("threshold") @Parameter(description = "largest PDQ Hamming distance; default "
                    + "ccall.hashmatch.default-threshold", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                            maximum = "31", defaultValue = "31"), example = "31") String threshold) {
        int t = threshold(threshold == null || threshold.isBlank() ? null
                : QueryParams.intBetween("threshold", threshold, 0, 0, config.maxThreshold()), config);
        try (Upload upload = uploads.readForm(body, contentType, dihedral ? "dihedral=true" : null)) {
            return matchFile(upload, dihedral, t);
        }
    }

    private FileMatchResponse matchFile(Upload upload, boolean dihedral, int threshold) {
        if (!(upload instanceof Upload.InMemory file)) {
            throw ApiException.badRequest("matching a video file is not available yet; hash it with "
                    + "/api/v1/hashes/compute");
        }
        FileHashes h = hashing.hash(file.bytes(), dihedral);
        List<Query> queries = new ArrayList<>();
        queries.add(new Query(HashType.MD5, h.md5(), null));
        queries.add(new Query(HashType.SHA256, h.sha256(), null));
        String skipped = null;
        if (h.pdq() != null && h.quality() < config.minQuality()) {
            skipped = "quality " + h.quality() + " is below the minimum of " + config.minQuality();
        } else if (h.pdq() != null && h.dihedral() == null) {
            queries.add(new Query(HashType.PDQ, h.pdq(), null));
        } else if (h.pdq() != null) {
            h.dihedral().forEach((variant, hex) -> queries.add(new Query(HashType.PDQ, hex, variant)));
        } else {
            skipped = "not an image: " + h.notAnImage();
        }
        MatchResponse r = respond(threshold, queries, matcher.match(queries, threshold,
                new VideoThresholds(video.defaultMinQueryPercent(), video.defaultMinCandidatePercent())));
        return new FileMatchResponse(h, threshold, skipped, r.results());
    }

    static int threshold(Integer requested, HashmatchConfig config) {
        if (requested == null) {
            return Math.min(config.defaultThreshold(), config.maxThreshold());
        }
        if (requested < 0 || requested > config.maxThreshold()) {
            throw ApiException.invalidField("threshold", "must be between 0 and " + config.maxThreshold());
        }
        return requested;
    }

    static MatchResponse respond(int threshold, List<Query> queries, List<QueryHits> hits) {
        List<QueryResult> results = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            results.add(new QueryResult(i, q.type().code(), q.value(), q.variant(),
                    q.frames() == null ? null : q.frames().size(), hits.get(i).matches(), hits.get(i).videos()));
        }
        return new MatchResponse(threshold, results);
    }
}
