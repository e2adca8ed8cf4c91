package org.christchurchcall.hashmatch.values;

import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One frame of a vpdq hash as JSON: the fields of a line of the reference's hash file
 * ({@code frameNumber,quality,pdqHex,timestamp}). Fields are boxed so that a missing one is told
 * apart from zero and named in the error.
 */
@Schema(description = "One hashed frame of a video, as a line of the reference vpdq-hash-video's output")
public record Frame(
        @Schema(description = "0-based frame number in decoding order; frames are sorted by it, without duplicates",
                required = true, minimum = "0", example = "30") Integer frameNumber,
        @Schema(description = "the frame's PDQ quality", required = true, minimum = "0", maximum = "100",
                example = "100") Integer quality,
        @Schema(description = "the frame's PDQ hash, 64 hexadecimal digits", required = true,
                example = "e271017837246aaccddea259648fbfd62f435c89d9e99b2497763e216c8d055c") String hash,
        @Schema(description = "seconds from the start (kept to the millisecond); never decreasing", required = true,
                minimum = "0", example = "1.0") Double timestamp) {

    public static Frame of(VpdqFrame f) {
        return new Frame(f.frameNumber(), f.quality(), f.hash().toHex(), f.timestamp());
    }
}
