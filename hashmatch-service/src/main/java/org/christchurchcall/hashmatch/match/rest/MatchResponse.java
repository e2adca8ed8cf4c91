package org.christchurchcall.hashmatch.match.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.christchurchcall.hashmatch.match.service.MatchService.Hit;
import org.christchurchcall.hashmatch.match.service.MatchService.VideoHit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The matches of each query, in query order; a hit names the record, never its contributor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchResponse(@Schema(description = "the PDQ Hamming distance applied (between frames, for vpdq)",
        example = "31") int threshold,
        @Schema(description = "with vpdq queries: the share (%) of the query's frames applied", example = "80")
        Double minQueryPercent,
        @Schema(description = "with vpdq queries: the share (%) of the stored video's frames applied", example = "0")
        Double minCandidatePercent,
        List<QueryResult> results) {

    public MatchResponse(int threshold, List<QueryResult> results) {
        this(threshold, null, null, results);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueryResult(@Schema(description = "the query's position, from 0", example = "0") int index,
            @Schema(enumeration = { "pdq", "md5", "sha256", "vpdq", "video-md5" }, example = "pdq") String type,
            @Schema(description = "the query's hash in canonical form; for vpdq the SHA-256 of its frames",
                    example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22") String value,
            @Schema(description = "the dihedral variant the query came from (file matching with dihedral=true)",
                    enumeration = { "original", "rotate90", "rotate180", "rotate270", "flip-x", "flip-y", "flip-plus",
                            "flip-minus" }, example = "original") String variant,
            @Schema(description = "vpdq: the query's frames", example = "614") Integer frameCount,
            @Schema(description = "records of single hashes: for pdq the images within the threshold, for md5, sha256 "
                    + "and video-md5 the exact matches, for vpdq the images near any of its frames (with those frames' "
                    + "timestamps)") List<Hit> matches,
            @Schema(description = "pdq and vpdq: videos. For pdq, those with a frame within the threshold (with the "
                    + "nearest frame's timestamp); for vpdq, those matching the video (queryPercent and "
                    + "candidatePercent at least the thresholds), highest queryPercent first, with the matched time "
                    + "ranges on both sides") List<VideoHit> videos) {
    }
}
