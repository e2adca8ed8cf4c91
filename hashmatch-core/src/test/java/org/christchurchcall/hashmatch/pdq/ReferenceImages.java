package org.christchurchcall.hashmatch.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shared PDQ reference data ({@code <repo>/../shared/data/pdq}: the surefire property
 * {@code pdq.shared.dir}) and the images {@code make_images.py} generates from it, once per JVM.
 */
public final class ReferenceImages {

    private static Path images;

    private ReferenceImages() {}

    public static Path sharedDir() {
        String prop = System.getProperty("pdq.shared.dir");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("..", "shared", "data", "pdq"));
        candidates.add(Path.of("..", "..", "shared", "data", "pdq"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("make_images.py"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("PDQ reference data not found in " + candidates);
    }

    /** Directory holding the 43 generated PNGs. */
    public static synchronized Path images() throws IOException, InterruptedException {
        if (images != null) {
            return images;
        }
        Path out = Path.of("target", "pdq-images").toAbsolutePath();
        Files.createDirectories(out);
        Process p = new ProcessBuilder("python3", sharedDir().resolve("make_images.py").toString(), out.toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("make_images.log").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "make_images.py timed out");
        assertEquals(0, p.exitValue(), "make_images.py failed, see " + out.resolve("make_images.log"));
        images = out;
        return out;
    }

    /** CSV rows of a reference file, header skipped, split on commas. */
    public static List<String[]> rows(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(sharedDir().resolve(file));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.trim().split(","));
            }
        }
        return rows;
    }

    /**
     * CSV rows of a test resource under {@code /pdq/}: lines starting with {@code #} and the header
     * skipped, split on commas.
     */
    public static List<String[]> resourceRows(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var in = ReferenceImages.class.getResourceAsStream("/pdq/" + file)) {
            if (in == null) {
                throw new IOException("no test resource /pdq/" + file);
            }
            boolean header = true;
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.trim().split(","));
            }
        }
        return rows;
    }
}
