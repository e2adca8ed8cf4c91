package org.christchurchcall.hashmatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.video.VpdqLines;

/**
 * vPDQ hashes for requests: the reference's sample hash files (shared/data/vpdq/sample-hashes,
 * found through the system property {@code vpdq.shared.dir} that the pom sets), and synthetic
 * videos of any length for the limits.
 */
public final class Videos {

    private Videos() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("vpdq.shared.dir", "../../shared/data/vpdq"));
    }

    /** The text of a sample hash file, e.g. {@code chair-19-sd-bar}. */
    public static String text(String name) {
        try {
            return Files.readString(dir().resolve("sample-hashes").resolve(name + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<VpdqFrame> parsed(String name) {
        return VpdqLines.parse(text(name));
    }

    /** A sample's frames as the JSON list of a submission or query. */
    public static List<Map<String, Object>> frames(String name) {
        return json(parsed(name));
    }

    public static List<Map<String, Object>> json(List<VpdqFrame> frames) {
        List<Map<String, Object>> out = new ArrayList<>(frames.size());
        for (VpdqFrame f : frames) {
            out.add(frame(f.frameNumber(), f.quality(), f.hash().toHex(), f.timestamp()));
        }
        return out;
    }

    public static Map<String, Object> frame(int frameNumber, int quality, String hash, double timestamp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frameNumber", frameNumber);
        m.put("quality", quality);
        m.put("hash", hash);
        m.put("timestamp", timestamp);
        return m;
    }

    /** {@code n} frames of random hashes and quality 100, one every {@code step} seconds from 0. */
    public static List<Map<String, Object>> synthetic(int n, double step) {
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(frame(i, 100, Api.hex(64), i * step));
        }
        return out;
    }

    /** A vpdq submission of these frames. */
    public static Map<String, Object> vpdq(List<Map<String, Object>> frames, String... labels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "vpdq");
        m.put("frames", frames);
        m.put("labels", List.of(labels));
        return m;
    }

    /** A vpdq submission of a hash file's text. */
    public static Map<String, Object> vpdqText(String text, String... labels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "vpdq");
        m.put("value", text);
        m.put("labels", List.of(labels));
        return m;
    }
}
