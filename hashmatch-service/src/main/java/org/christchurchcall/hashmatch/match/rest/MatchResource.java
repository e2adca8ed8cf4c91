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
import org.christchurchcall.hashmatch.compute.service.VideoHashing;
import org.christchurchcall.hashmatch.compute.service.VideoHashing.VideoHashes;
import org.christchurchcall.hashmatch.compute.rest.SecondsPerHash;
import org.christchurchcall.hashmatch.compute.rest.UploadProblemDocs;
import io.quarkus.runtime.annotations.RegisterForReflection;
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

    @Inject
    VideoHashing videos;

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
    @RegisterForReflection
    public record FileMatchResponse(FileHashes file,
            @Schema(description = "the PDQ Hamming distance applied", example = "31") int threshold,
            @Schema(description = "why the file's PDQ hash was not matched", example = "quality 30 is below the minimum of 50")
            String pdqSkipped,
            List<QueryResult> results) {
    }

    /**
     * A video's own hashes beside the matches of each: md5, sha256 and video-md5 of the file (exact),
     * then its vpdq frames, matched as a vpdq query of POST /api/v1/match is.
     */
    @RegisterForReflection
    public record VideoMatchResponse(VideoHashes file,
            @Schema(description = "the Hamming distance applied between two frames", example = "31") int threshold,
            @Schema(description = "the share (%) of the video's frames applied", example = "80") double minQueryPercent,
            @Schema(description = "the share (%) of a stored video's frames applied", example = "0")
            double minCandidatePercent,
            List<QueryResult> results) {
    }

    static final String FILE_MATCH = "An image or any other file: its hashes (FileHashes) and the hits of its md5, "
            + "sha256 and pdq. A video: its hashes (VideoHashes) and the hits of its md5, sha256 and video-md5, and of "
            + "its frames as a vpdq query (the videos it matches, and images near its frames)";
    static final String FILE_MATCH_DESCRIPTION = "Roles matcher, secretariat, service. The file is hashed (md5, "
            + "sha256, and pdq for an image) in memory and dropped. dihedral=true also matches the seven rotated and "
            + "mirrored variants of an image; each hit names its variant. A PDQ hash below the minimum quality is not "
            + "matched (pdqSkipped says so): it would match unrelated images. A video (told by its first bytes) is "
            + "hashed as /api/v1/hashes/compute hashes it (vPDQ, one frame every secondsPerHash seconds, in a "
            + "separate, limited FFmpeg process, from a private temporary file deleted when the request ends) and "
            + "matched as a vpdq query of POST /api/v1/match, with minQueryPercent and minCandidatePercent; its MD5 is "
            + "matched exactly as md5 and as video-md5.";

    @POST
    @Path("file")
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, "image/*", "video/*" })
    @RolesAllowed({ Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "Match a file sent as the body", description = FILE_MATCH_DESCRIPTION)
    @APIResponse(responseCode = "200", description = FILE_MATCH, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = { FileMatchResponse.class, VideoMatchResponse.class })))
    @APIResponse(responseCode = "400", description = UploadProblemDocs.BAD_REQUEST)
    @APIResponse(responseCode = "413", description = UploadProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = UploadProblemDocs.UNSUPPORTED)
    @APIResponse(responseCode = "422", description = UploadProblemDocs.UNPROCESSABLE)
    @APIResponse(responseCode = "503", description = UploadProblemDocs.BUSY)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"), examples = @ExampleObject(name = "file", summary = UploadExamples.RAW_SUMMARY,
                            value = UploadExamples.RAW_VALUE)),
            @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "image", summary = UploadExamples.RAW_SUMMARY,
                            value = UploadExamples.RAW_VALUE)),
            @Content(mediaType = "video/*", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "video", summary = UploadExamples.VIDEO_SUMMARY,
                            value = UploadExamples.VIDEO_VALUE)) })
    public Object matchRaw(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dihedral") @Parameter(description = "also match the 7 rotated and mirrored variants (images "
                    + "only)") boolean dihedral,
            @QueryParam("threshold") @Parameter(description = "largest PDQ Hamming distance (between two frames for a "
                    + "video); default ccall.hashmatch.default-threshold", schema = @Schema(type = SchemaType.INTEGER,
                            minimum = "0", maximum = "31", defaultValue = "31"), example = "31") String threshold,
            @QueryParam("secondsPerHash") @Parameter(description = SecondsPerHash.DESCRIPTION, schema = @Schema(
                    type = SchemaType.NUMBER, minimum = "0", maximum = "60", defaultValue = "1"), example = "1")
            String secondsPerHash,
            @QueryParam("minQueryPercent") @Parameter(description = MIN_QUERY, schema = @Schema(type = SchemaType.NUMBER,
                    minimum = "0", maximum = "100", defaultValue = "80"), example = "80") String minQueryPercent,
            @QueryParam("minCandidatePercent") @Parameter(description = MIN_CANDIDATE, schema = @Schema(
                    type = SchemaType.NUMBER, minimum = "0", maximum = "100", defaultValue = "0"), example = "0")
            String minCandidatePercent) {
        FileMatch m = fileMatch(threshold, secondsPerHash, minQueryPercent, minCandidatePercent);
        try (Upload upload = uploads.read(body, contentType, dihedral ? "dihedral=true" : null)) {
            return matchFile(upload, dihedral, m);
        }
    }

    @POST
    @Path("file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE })
    @Operation(summary = "Match a file sent as the form part `file`", description = "As the raw form.")
    @APIResponse(responseCode = "200", description = FILE_MATCH, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = { FileMatchResponse.class, VideoMatchResponse.class })))
    @APIResponse(responseCode = "400", description = UploadProblemDocs.BAD_REQUEST)
    @APIResponse(responseCode = "413", description = UploadProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = UploadProblemDocs.UNSUPPORTED)
    @APIResponse(responseCode = "422", description = UploadProblemDocs.UNPROCESSABLE)
    @APIResponse(responseCode = "503", description = UploadProblemDocs.BUSY)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = FileForm.class), examples = @ExampleObject(name = "file",
                    summary = UploadExamples.FORM_SUMMARY, value = UploadExamples.FORM_VALUE)))
    public Object matchForm(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dihedral") @Parameter(description = "also match the 7 rotated and mirrored variants (images "
                    + "only)") boolean dihedral,
            @QueryParam("threshold") @Parameter(description = "largest PDQ Hamming distance (between two frames for a "
                    + "video); default ccall.hashmatch.default-threshold", schema = @Schema(type = SchemaType.INTEGER,
                            minimum = "0", maximum = "31", defaultValue = "31"), example = "31") String threshold,
            @QueryParam("secondsPerHash") @Parameter(description = SecondsPerHash.DESCRIPTION, schema = @Schema(
                    type = SchemaType.NUMBER, minimum = "0", maximum = "60", defaultValue = "1"), example = "1")
            String secondsPerHash,
            @QueryParam("minQueryPercent") @Parameter(description = MIN_QUERY, schema = @Schema(type = SchemaType.NUMBER,
                    minimum = "0", maximum = "100", defaultValue = "80"), example = "80") String minQueryPercent,
            @QueryParam("minCandidatePercent") @Parameter(description = MIN_CANDIDATE, schema = @Schema(
                    type = SchemaType.NUMBER, minimum = "0", maximum = "100", defaultValue = "0"), example = "0")
            String minCandidatePercent) {
        FileMatch m = fileMatch(threshold, secondsPerHash, minQueryPercent, minCandidatePercent);
        try (Upload upload = uploads.readForm(body, contentType, dihedral ? "dihedral=true" : null)) {
            return matchFile(upload, dihedral, m);
        }
    }

    static final String MIN_QUERY = "videos only: a stored video matches when at least this share (%) of the upload's "
            + "frames match; default ccall.hashmatch.video.default-min-query-percent (80, as HMA)";
    static final String MIN_CANDIDATE = "videos only: ... and at least this share (%) of the stored video's frames; "
            + "default ccall.hashmatch.video.default-min-candidate-percent (0, as HMA)";

    /** The parameters of a file match, checked before the upload is read. */
    private record FileMatch(int threshold, double secondsPerHash, VideoThresholds video) {
    }

    private FileMatch fileMatch(String threshold, String secondsPerHash, String minQueryPercent,
            String minCandidatePercent) {
        int t = threshold(threshold == null || threshold.isBlank() ? null
                : QueryParams.intBetween("threshold", threshold, 0, 0, config.maxThreshold()), config);
        double every = SecondsPerHash.parse(secondsPerHash, videos);
        VideoThresholds v = new VideoThresholds(
                percent("minQueryPercent", number("minQueryPercent", minQueryPercent), video.defaultMinQueryPercent()),
                percent("minCandidatePercent", number("minCandidatePercent", minCandidatePercent),
                        video.defaultMinCandidatePercent()));
        return new FileMatch(t, every, v);
    }

    private static Double number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "must be a percentage from 0 to 100");
        }
    }

    private Object matchFile(Upload upload, boolean dihedral, FileMatch m) {
        return switch (upload) {
            case Upload.InMemory file -> matchFile(file.bytes(), dihedral, m.threshold());
            case Upload.Video v -> matchVideo(videos.hash(v, m.secondsPerHash()), m);
        };
    }

    /** md5, sha256 and video-md5 exactly, then the frames as a vpdq query. */
    private VideoMatchResponse matchVideo(VideoHashing.Hashed h, FileMatch m) {
        VideoHashes file = h.hashes();
        List<Query> queries = List.of(new Query(HashType.MD5, file.md5(), null),
                new Query(HashType.SHA256, file.sha256(), null), new Query(HashType.VIDEO_MD5, file.videoMd5(), null),
                new Query(HashType.VPDQ, VideoFrames.digest(h.frames()), null, h.frames()));
        MatchResponse r = respond(m.threshold(), queries, matcher.match(queries, m.threshold(), m.video()));
        return new VideoMatchResponse(file, m.threshold(), m.video().minQueryPercent(), m.video().minCandidatePercent(),
                r.results());
    }

    private FileMatchResponse matchFile(byte[] bytes, boolean dihedral, int threshold) {
        FileHashes h = hashing.hash(bytes, dihedral);
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
