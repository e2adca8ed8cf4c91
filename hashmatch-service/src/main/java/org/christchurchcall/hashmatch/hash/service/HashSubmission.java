package org.christchurchcall.hashmatch.hash.service;

import java.util.List;
import java.util.UUID;

import org.christchurchcall.hashmatch.values.Frame;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One hash to share. Fields are checked by the service rather than by bean validation so that a
 * bulk submission can reject one item and still store the others.
 */
@Schema(description = "A hash to share. For pdq the submitter gives the quality its hasher reported: "
        + "a PDQ hash alone does not reveal the quality of the image it came from. A vpdq hash (a video) is its "
        + "frames, as `frames` or as the text of the reference's hash file in `value`; at most "
        + "ccall.hashmatch.video.max-frames (7,200) frames, sorted by frame number without duplicates, timestamps "
        + "never decreasing, the last at most ccall.hashmatch.video.max-duration (4 h) in. Its stored value is the "
        + "SHA-256 of the frames in the hash file's text, and its quality the share (%) of frames of PDQ quality 50 "
        + "or more; a video without such a frame could never match and is refused (422).")
public record HashSubmission(
        @Schema(enumeration = { "pdq", "md5", "sha256", "vpdq", "video-md5" }, required = true, example = "pdq") String type,
        @Schema(description = "hexadecimal digits: 64 for pdq and sha256, 32 for md5 and video-md5; stored in lower "
                + "case. For vpdq instead of frames: the text of the hash file, a line `frameNumber,quality,pdqHex,"
                + "timestamp` per frame", example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22")
        String value,
        @Schema(description = "PDQ quality 0..100, required for pdq, absent otherwise", minimum = "0", maximum = "100",
                example = "100") Integer quality,
        @Schema(description = "vpdq only: the video's frames (or give the hash file's text in value)",
                example = "[{\"frameNumber\": 0, \"quality\": 100, \"hash\": "
                        + "\"e271017837246aaccddea259648fbfd62f435c89d9e99b2497763e216c8d055c\", \"timestamp\": 0.0}, "
                        + "{\"frameNumber\": 30, \"quality\": 100, \"hash\": "
                        + "\"e271017837246aaccddea259648fbfd62f435c89d9e99b2497763e216c8d055d\", \"timestamp\": 1.0}]")
        List<Frame> frames,
        @Schema(description = "label codes from /api/v1/labels, at least one", required = true,
                example = "[\"graphic-violence-against-defenceless-people\", \"video\"]") List<String> labels,
        @Schema(description = "the protocol-service incident the content belongs to, if any",
                example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID incidentId,
        @Schema(description = "the contributor's confidence in the labels, 0..100", minimum = "0", maximum = "100",
                example = "90") Integer confidence) {
}
