package org.christchurchcall.hashmatch.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.values.Frame;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.video.VpdqLines;

/**
 * Reads a video's frames as a client sends them (a JSON list, or the text of the reference's
 * hash file) and checks the limits: at least one and at most {@code maxFrames} frames, sorted by
 * frame number without duplicates, timestamps never decreasing and the last at most
 * {@code maxDurationSeconds}. Timestamps come back rounded to the millisecond, as stored.
 */
public final class VideoInput {

    /** The limits that apply (ccall.hashmatch.video.*). */
    public record Limits(int maxFrames, double maxDurationSeconds) {
    }

    public sealed interface Result permits Parsed, Invalid {
    }

    public record Parsed(List<VpdqFrame> frames) implements Result {
    }

    /** {@code field} is relative to the object that carries the frames: {@code frames[3].hash}, {@code value}. */
    public record Invalid(String field, String message) implements Result {
    }

    private VideoInput() {
    }

    /** How many frames the input holds, without checking them: lines of text that are not blank. */
    public static int count(List<Frame> frames, String text) {
        if (frames != null) {
            return frames.size();
        }
        if (text == null) {
            return 0;
        }
        int n = 0;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                n += content ? 1 : 0;
                content = false;
            } else if (!Character.isWhitespace(c)) {
                content = true;
            }
        }
        return n + (content ? 1 : 0);
    }

    public static Result parse(List<Frame> frames, String text, Limits limits) {
        if (frames != null && text != null) {
            return new Invalid("frames", "give the frames, or the text of the hash file in value, not both");
        }
        if (frames == null && text == null) {
            return new Invalid("frames", "a vpdq hash is its frames (or the text of its hash file in value)");
        }
        int n = count(frames, text);
        if (n == 0) {
            return new Invalid(frames != null ? "frames" : "value", "at least one frame is required");
        }
        if (n > limits.maxFrames()) {
            return new Invalid(frames != null ? "frames" : "value", "at most " + limits.maxFrames()
                    + " frames (ccall.hashmatch.video.max-frames); this video has " + n);
        }
        List<VpdqFrame> parsed;
        String where;
        if (frames != null) {
            parsed = new ArrayList<>(frames.size());
            for (int i = 0; i < frames.size(); i++) {
                Object one = read(frames.get(i), "frames[" + i + "]");
                if (one instanceof Invalid invalid) {
                    return invalid;
                }
                parsed.add((VpdqFrame) one);
            }
            where = "frames";
        } else {
            try {
                parsed = VpdqLines.parse(text);
            } catch (IllegalArgumentException e) {
                return new Invalid("value", e.getMessage());
            }
            where = "value";
        }
        List<VpdqFrame> out = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i).timestamp() > limits.maxDurationSeconds() + 1) {
                return tooLong(where, i, limits, parsed.get(i).timestamp());
            }
            VpdqFrame f = VideoFrames.normalised(parsed.get(i));
            if (!out.isEmpty()) {
                VpdqFrame prev = out.get(out.size() - 1);
                if (f.frameNumber() <= prev.frameNumber()) {
                    return invalid(where, i, "frameNumber", "frames must be sorted by frame number without duplicates: "
                            + f.frameNumber() + " follows " + prev.frameNumber());
                }
                if (f.timestamp() < prev.timestamp()) {
                    return invalid(where, i, "timestamp", "timestamps must not decrease: " + f.timestamp() + " follows "
                            + prev.timestamp());
                }
            }
            out.add(f);
        }
        double last = out.get(out.size() - 1).timestamp();
        if (last > limits.maxDurationSeconds()) {
            return tooLong(where, out.size() - 1, limits, last);
        }
        return new Parsed(List.copyOf(out));
    }

    private static Invalid tooLong(String where, int index, Limits limits, double at) {
        return invalid(where, index, "timestamp", "the video may last at most " + (long) limits.maxDurationSeconds()
                + " s (ccall.hashmatch.video.max-duration); a frame is at " + at + " s");
    }

    private static Invalid invalid(String where, int index, String field, String message) {
        return "frames".equals(where) ? new Invalid("frames[" + index + "]." + field, message)
                : new Invalid("value", "frame " + (index + 1) + ": " + message);
    }

    private static Object read(Frame f, String at) {
        if (f == null) {
            return new Invalid(at, "must be a frame");
        }
        if (f.frameNumber() == null || f.frameNumber() < 0) {
            return new Invalid(at + ".frameNumber", "is required: a whole number from 0");
        }
        if (f.quality() == null || f.quality() < 0 || f.quality() > 100) {
            return new Invalid(at + ".quality", "is required: the PDQ quality, 0 to 100");
        }
        String hex = f.hash() == null ? null : f.hash().trim().toLowerCase(Locale.ROOT);
        if (hex == null || !PdqHash.isValidHex(hex)) {
            return new Invalid(at + ".hash", "is required: a PDQ hash of 64 hexadecimal digits");
        }
        if (f.timestamp() == null || !Double.isFinite(f.timestamp()) || f.timestamp() < 0) {
            return new Invalid(at + ".timestamp", "is required: seconds from the start, not negative");
        }
        return new VpdqFrame(f.frameNumber(), f.quality(), PdqHash.fromHex(hex), f.timestamp());
    }
}
