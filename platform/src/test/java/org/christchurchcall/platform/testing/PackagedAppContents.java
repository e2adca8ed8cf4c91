package org.christchurchcall.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a packaged service ({@code target/quarkus-app}) must not ship: benchmarks, command-line
 * tools and JMH. They live in the {@code bench} and {@code tools} modules; a class of a
 * {@code bench}, {@code tools} or {@code jmh_generated} package, JMH's own classes or its
 * benchmark list inside any of the application's jars (app, lib/main, the generated ones) fails
 * the check, naming each. Services call it from an integration test, which runs after
 * {@code package}.
 */
public final class PackagedAppContents {

    private static final Pattern FORBIDDEN_ENTRY = Pattern.compile(
            "(org/christchurchcall/(.+/)?(bench|tools|jmh_generated)/.*)|(org/openjdk/jmh/.*)|(META-INF/BenchmarkList)");
    private static final Pattern FORBIDDEN_JAR = Pattern.compile(
            "(org\\.openjdk\\.jmh\\..*)|(org\\.christchurchcall\\.(bench|tools)-.*)|(jmh-.*)");

    private PackagedAppContents() {
    }

    /** Fails unless {@code quarkusApp} holds jars and none of them a benchmark, a tool or JMH. */
    public static void assertNoBenchmarksOrTools(Path quarkusApp) throws IOException {
        List<Path> jars;
        try (Stream<Path> s = Files.isDirectory(quarkusApp) ? Files.walk(quarkusApp) : Stream.empty()) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        assertTrue(jars.stream().anyMatch(p -> p.getParent().getFileName().toString().equals("app")),
                "no application jar in " + quarkusApp.toAbsolutePath() + ": package the service first");
        List<String> found = forbidden(jars);
        assertTrue(found.isEmpty(), "the packaged service ships benchmark or tool code: " + found);
    }

    /** The forbidden jars and jar entries among {@code jars}, as {@code jar} or {@code jar!entry}. */
    static List<String> forbidden(List<Path> jars) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString().toLowerCase(Locale.ROOT);
            if (FORBIDDEN_JAR.matcher(name).matches()) {
                found.add(jar.getFileName().toString());
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    ZipEntry e = entries.nextElement();
                    if (!e.isDirectory() && FORBIDDEN_ENTRY.matcher(e.getName()).matches()) {
                        found.add(jar.getFileName() + "!" + e.getName());
                    }
                }
            }
        }
        return found;
    }
}
