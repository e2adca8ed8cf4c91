package org.christchurchcall.hashmatch.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.video.VpdqLines;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Videos for the upload tests: the reference's samples (shared/data/vpdq, found through the system
 * property {@code vpdq.shared.dir} that the pom sets), files made with the ffmpeg command line,
 * and the service's upload directory, which must be empty whenever no request is running.
 */
final class VideoFiles {

    private VideoFiles() {
    }

    static Path data() {
        return Path.of(System.getProperty("vpdq.shared.dir", "../../shared/data/vpdq"));
    }

    static Path sample(String name) {
        return data().resolve("videos").resolve(name + ".mp4");
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference's lines for {@code name} whose frame number is a multiple of {@code every}. */
    static String referenceLines(String name, int every) {
        try {
            List<VpdqFrame> all = VpdqLines.parse(Files.readString(data().resolve("sample-hashes").resolve(name + ".txt")));
            return VpdqLines.format(all.stream().filter(f -> f.frameNumber() % every == 0).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ffmpeg -y ARGS... OUT} (quietly) and returns OUT. */
    static Path ffmpeg(Path out, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + log);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's upload directory (ccall.hashmatch.video-hashing.temp-dir; target/video-uploads in tests). */
    static Path uploadDir() {
        return Path.of(ConfigProvider.getConfig().getValue("ccall.hashmatch.video-hashing.temp-dir", String.class))
                .toAbsolutePath();
    }

    /** The files in the upload directory. */
    static List<String> uploadsLeft() {
        try (Stream<Path> s = Files.list(uploadDir())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertNoUploadLeft(String after) {
        assertEquals(List.of(), uploadsLeft(), "files left in the upload directory after " + after);
    }
}
