package org.christchurchcall.hashmatch.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The vPDQ reference data in {@code shared/data/vpdq} (system property {@code vpdq.shared.dir}). */
public final class VpdqData {

    private VpdqData() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("vpdq.shared.dir", "../../shared/data/vpdq"));
        if (!Files.isDirectory(dir.resolve("sample-hashes"))) {
            throw new IllegalStateException("vPDQ reference data not found at " + dir.toAbsolutePath()
                    + " (set -Dvpdq.shared.dir)");
        }
        return dir;
    }

    public static Path video(String name) {
        return dir().resolve("videos").resolve(name + ".mp4");
    }

    /** The 2022 native-resolution hash file of {@code name}, as shipped. */
    public static Path sampleHashes(String name) {
        return dir().resolve("sample-hashes").resolve(name + ".txt");
    }

    /** Names (without .mp4) of the 14 sample videos. */
    public static List<String> videoNames() {
        try (Stream<Path> s = Files.list(dir().resolve("videos"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mp4"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
