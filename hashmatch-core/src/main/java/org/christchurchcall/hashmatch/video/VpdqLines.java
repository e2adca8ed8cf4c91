package org.christchurchcall.hashmatch.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.christchurchcall.hashmatch.pdq.PdqHash;

/**
 * The reference's vPDQ hash file: one line per hashed frame, {@code frameNumber,quality,pdqHex,timestamp},
 * each ended by {@code \n}, no header (see {@code shared/data/vpdq/README.md}).
 */
public final class VpdqLines {

    private VpdqLines() {
    }

    /** The file's text for {@code frames}, each line ended by a newline. */
    public static String format(List<VpdqFrame> frames) {
        StringBuilder out = new StringBuilder(frames.size() * 80);
        for (VpdqFrame f : frames) {
            out.append(f.toLine()).append('\n');
        }
        return out.toString();
    }

    /**
     * Parses the text of a hash file. Blank lines and a trailing newline are allowed; a line
     * that is not four well-formed fields throws {@link IllegalArgumentException} naming its line number.
     */
    public static List<VpdqFrame> parse(String text) {
        List<VpdqFrame> frames = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            frames.add(parseLine(line, i + 1));
        }
        return frames;
    }

    static VpdqFrame parseLine(String line, int lineNumber) {
        String[] f = line.split(",", -1);
        if (f.length != 4) {
            throw bad(lineNumber, "expected 4 comma-separated fields (frameNumber,quality,pdqHex,timestamp), found " + f.length);
        }
        int frameNumber;
        int quality;
        double timestamp;
        try {
            frameNumber = Integer.parseInt(f[0].trim());
            quality = Integer.parseInt(f[1].trim());
            timestamp = Double.parseDouble(f[3].trim());
        } catch (NumberFormatException e) {
            throw bad(lineNumber, "frame number and quality must be integers and timestamp a number");
        }
        String hex = f[2].trim().toLowerCase(Locale.ROOT);
        if (!PdqHash.isValidHex(hex)) {
            throw bad(lineNumber, "the hash must be 64 hexadecimal digits");
        }
        try {
            return new VpdqFrame(frameNumber, quality, PdqHash.fromHex(hex), timestamp);
        } catch (IllegalArgumentException e) {
            throw bad(lineNumber, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(int lineNumber, String why) {
        return new IllegalArgumentException("line " + lineNumber + ": " + why);
    }
}
