package org.christchurchcall.platform.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check the services' packaging tests run, on hand-made application layouts. */
class PackagedAppContentsTest {

    @TempDir
    Path app;

    private Path jar(String dir, String name, String... entries) throws IOException {
        Path jar = Files.createDirectories(app.resolve(dir)).resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write(1);
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aServiceWithoutBenchmarksPasses() throws IOException {
        jar("app", "hashmatch-service-1.jar", "org/christchurchcall/hashmatch/match/rest/MatchResource.class",
                "META-INF/MANIFEST.MF");
        jar("lib/main", "org.christchurchcall.hashmatch-core-1.jar",
                "org/christchurchcall/hashmatch/index/PdqIndex.class");
        jar("lib/main", "com.twelvemonkeys.imageio.imageio-webp-3.jar", "com/twelvemonkeys/imageio/Webp.class");
        assertDoesNotThrow(() -> PackagedAppContents.assertNoBenchmarksOrTools(app));
    }

    @Test
    void benchAndToolPackagesJmhAndItsJarsAreNamed() throws IOException {
        Path service = jar("app", "hashmatch-service-1.jar",
                "org/christchurchcall/hashmatch/match/rest/MatchResource.class",
                "org/christchurchcall/hashmatch/bench/MatchBench.class",
                "org/christchurchcall/hashmatch/tools/PdqCli.class",
                "org/christchurchcall/protocol/bench/FanoutBench$Endpoint.class");
        Path lib = jar("lib/main", "org.christchurchcall.hashmatch-core-1.jar",
                "org/christchurchcall/bench/match/jmh_generated/MatchJmh_raw_jmhTest.class",
                "org/openjdk/jmh/runner/Runner.class", "META-INF/BenchmarkList");
        jar("lib/main", "org.openjdk.jmh.jmh-core-1.37.jar", "org/openjdk/jmh/Main.class");
        jar("lib/main", "org.christchurchcall.tools-1.jar", "x/Y.class");

        List<String> found = PackagedAppContents.forbidden(List.of(service, lib,
                app.resolve("lib/main/org.openjdk.jmh.jmh-core-1.37.jar"),
                app.resolve("lib/main/org.christchurchcall.tools-1.jar")));
        assertEquals(List.of(
                "hashmatch-service-1.jar!org/christchurchcall/hashmatch/bench/MatchBench.class",
                "hashmatch-service-1.jar!org/christchurchcall/hashmatch/tools/PdqCli.class",
                "hashmatch-service-1.jar!org/christchurchcall/protocol/bench/FanoutBench$Endpoint.class",
                "org.christchurchcall.hashmatch-core-1.jar!org/christchurchcall/bench/match/jmh_generated/"
                        + "MatchJmh_raw_jmhTest.class",
                "org.christchurchcall.hashmatch-core-1.jar!org/openjdk/jmh/runner/Runner.class",
                "org.christchurchcall.hashmatch-core-1.jar!META-INF/BenchmarkList",
                "org.openjdk.jmh.jmh-core-1.37.jar",
                "org.christchurchcall.tools-1.jar"), found);
        AssertionError e = assertThrows(AssertionError.class, () -> PackagedAppContents.assertNoBenchmarksOrTools(app));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("MatchBench.class"), e.getMessage());
    }

    @Test
    void anUnpackagedServiceFailsRatherThanPassingEmpty() {
        assertThrows(AssertionError.class, () -> PackagedAppContents.assertNoBenchmarksOrTools(app.resolve("none")));
    }
}
