package org.christchurchcall.hashmatch.video;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.christchurchcall.hashmatch.pdq.PdqHash;

/**
 * One hashed frame of a video, as Meta's reference {@code vpdq-hash-video} writes it: the
 * 0-based frame number in decoder output order, the PDQ quality (0..100), the frame's PDQ hash
 * and its timestamp in seconds ({@code (float) frameNumber / (float) frameRate}).
 */
public record VpdqFrame(int frameNumber, int quality, PdqHash hash, double timestamp) {

    public VpdqFrame {
        if (frameNumber < 0) {
            throw new IllegalArgumentException("frame number must not be negative");
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be 0..100");
        }
        Objects.requireNonNull(hash, "hash");
        if (!Double.isFinite(timestamp) || timestamp < 0) {
            throw new IllegalArgumentException("timestamp must be a non-negative number of seconds");
        }
    }

    /** The reference's timestamp: frame number over frame rate, both as float32, divided in float32. */
    public static double timestampOf(int frameNumber, double frameRate) {
        return (float) frameNumber / (float) frameRate;
    }

    /** The reference's line, {@code frameNumber,quality,pdqHex,timestamp} with no newline. */
    public String toLine() {
        return frameNumber + "," + quality + "," + hash.toHex() + "," + formatTimestamp(timestamp);
    }

    /**
     * Fixed point with 3 decimals, as C's {@code printf("%.3f")} prints it: the exact binary
     * value rounded half to even (Java's {@code String.format} rounds half up instead).
     */
    public static String formatTimestamp(double seconds) {
        return new BigDecimal(seconds).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }
}
