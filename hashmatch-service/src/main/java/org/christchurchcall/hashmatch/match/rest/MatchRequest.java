package org.christchurchcall.hashmatch.match.rest;

import java.util.List;

import org.christchurchcall.hashmatch.values.Frame;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Up to 1,000 hashes to look up, with an optional PDQ distance threshold and, for videos, the
 * shares of frames that must match.
 */
public record MatchRequest(
        @Schema(required = true, description = "1 to ccall.hashmatch.max-queries (1,000) hashes; the frames of all "
                + "vpdq queries together at most ccall.hashmatch.video.max-request-frames (72,000)",
                example = "[{\"type\": \"pdq\", \"value\": \"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22\"}, "
                        + "{\"type\": \"md5\", \"value\": \"d41d8cd98f00b204e9800998ecf8427e\"}, "
                        + "{\"type\": \"vpdq\", \"frames\": [{\"frameNumber\": 0, \"quality\": 100, \"hash\": "
                        + "\"e271017837246aaccddea259648fbfd62f435c89d9e99b2497763e216c8d055c\", \"timestamp\": 0.0}]}]")
        List<HashQuery> queries,
        @Schema(description = "largest Hamming distance for pdq, and between two frames for vpdq; default "
                + "ccall.hashmatch.default-threshold (31), at most ccall.hashmatch.max-threshold (31)", minimum = "0",
                maximum = "31", example = "31") Integer threshold,
        @Schema(description = "vpdq: a video matches when at least this share (%) of the query's frames (quality 50 or "
                + "more, unique hashes) are near one of its frames; default "
                + "ccall.hashmatch.video.default-min-query-percent (80, as HMA)", minimum = "0", maximum = "100",
                example = "80") Double minQueryPercent,
        @Schema(description = "vpdq: ... and at least this share (%) of the stored video's frames are near one of the "
                + "query's; default ccall.hashmatch.video.default-min-candidate-percent (0, as HMA)", minimum = "0",
                maximum = "100", example = "0") Double minCandidatePercent) {

    public record HashQuery(
            @Schema(enumeration = { "pdq", "md5", "sha256", "vpdq", "video-md5" }, required = true, example = "pdq")
            String type,
            @Schema(description = "hexadecimal digits: 64 for pdq and sha256, 32 for md5 and video-md5. For vpdq "
                    + "instead of frames: the text of the video's hash file (`frameNumber,quality,pdqHex,timestamp` a line)",
                    example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22") String value,
            @Schema(description = "vpdq only: the video's frames, sorted by frame number, at most "
                    + "ccall.hashmatch.video.max-frames (7,200)",
                    example = "[{\"frameNumber\": 0, \"quality\": 100, \"hash\": "
                            + "\"e271017837246aaccddea259648fbfd62f435c89d9e99b2497763e216c8d055c\", \"timestamp\": 0.0}]")
            List<Frame> frames) {

        public HashQuery(String type, String value) {
            this(type, value, null);
        }
    }
}
