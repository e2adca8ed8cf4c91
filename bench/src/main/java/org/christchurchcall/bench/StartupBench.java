package org.christchurchcall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JVM side by side: hashmatch-service's start-up to ready, its resident set size after
 * start-up and after a matching workload, and the workload's throughput, on each JDK and JVM
 * variant given. The runs are interleaved (round 1 of every variant, then round 2, ...) so that
 * a noisy machine weighs on all of them alike. Runs on its own database ({@code hashmatch_jvmbench}),
 * seeded with {@code --records} PDQ hashes that the service loads into its index at start-up.
 * Prints one JSON line per run.
 *
 * <p>Variants: {@code plain}; {@code coh} (compact object headers, JDK 24+); {@code aot} (an AOT
 * cache, JDK 24+, recorded by one training run of the same workload with {@code -XX:AOTCacheOutput}
 * before the measured rounds); {@code aot+coh}.
 *
 * <pre>bin/ccall bench jvm [--jdks /usr/lib/jvm/java-17-openjdk-amd64=plain,/usr/lib/jvm/temurin-25-jdk-amd64=plain+coh+aot+aot+coh]
 *     [--rounds 3] [--records 200000] [--requests 1000]</pre>
 */
public final class StartupBench {

    private static final JsonApi API = new JsonApi();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    record Variant(Path javaHome, String name) {
        String jdk() {
            return javaHome.getFileName().toString();
        }
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args).allowOnly("--jdks", "--rounds", "--records", "--requests", "--heap");
        List<Variant> variants = new ArrayList<>();
        for (String jdk : a.value("--jdks", "/usr/lib/jvm/java-17-openjdk-amd64=plain,"
                + "/usr/lib/jvm/temurin-25-jdk-amd64=plain+coh+aot+aot&coh").split(",")) {
            String[] parts = jdk.split("=", 2);
            for (String name : (parts.length == 2 ? parts[1] : "plain").split("\\+")) {
                variants.add(new Variant(Path.of(parts[0]), name.replace('&', '+')));
            }
        }
        int rounds = (int) a.longValue("--rounds", 3);
        long records = a.longValue("--records", 200_000);
        // under the service's read quota (1,200 per client per minute); every run has a client of its own
        int requests = (int) a.longValue("--requests", 1_000);
        String heap = a.value("--heap", "-Xmx2g");

        BenchDatabase db = BenchDatabase.recreate("hashmatch_jvmbench");
        try (ServiceProcess migrate = ServiceProcess.start("hashmatch-service", db.jdbcUrl())) {
            migrate.awaitReady();
        }
        db.seedPdq(records);

        Path aotDir = Files.createDirectories(Path.of(System.getProperty("ccall.root", ".")).resolve("bench/target/aot"));
        for (Variant v : variants) {
            if (v.name().contains("aot")) {
                Path cache = aotDir.resolve(v.jdk() + "-" + v.name().replace('+', '-') + ".aot");
                Files.deleteIfExists(cache);
                List<String> options = options(v, heap, aotDir);
                options.removeIf(o -> o.startsWith("-XX:AOTCache="));
                options.add("-XX:AOTCacheOutput=" + cache);
                try (ServiceProcess training = ServiceProcess.start("hashmatch-service", db.jdbcUrl(), v.javaHome(), options)) {
                    training.awaitReady();
                    workload(training, token(), requests);
                    // the JVM writes the cache as it exits (JEP 514 forks a JVM that assembles it): give it time
                    training.process().destroy();
                    if (!training.process().waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                        throw new IllegalStateException("the training run of " + v + " did not exit");
                    }
                }
                if (!Files.isRegularFile(cache)) {
                    throw new IllegalStateException("the training run of " + v + " wrote no AOT cache");
                }
            }
        }
        for (int round = 1; round <= rounds; round++) {
            for (Variant v : variants) {
                System.out.println(JsonApi.JSON.writeValueAsString(run(v, round, db, token(), requests, heap, aotDir)));
            }
        }
    }

    /** A token of a client of its own, so that no run shares another's quota. */
    private static String token() {
        return TestTokens.builder().supporter(UUID.randomUUID(), Roles.COMPANY).roles(Roles.MATCHER)
                .expiresAt(Instant.now().plusSeconds(6 * 3600)).sign();
    }

    private static List<String> options(Variant v, String heap, Path aotDir) {
        List<String> options = new ArrayList<>(List.of(heap));
        if (v.name().contains("coh")) {
            options.add("-XX:+UseCompactObjectHeaders");
        }
        if (v.name().contains("aot")) {
            options.add("-XX:AOTCache=" + aotDir.resolve(v.jdk() + "-" + v.name().replace('+', '-') + ".aot"));
        }
        return options;
    }

    private static Map<String, Object> run(Variant v, int round, BenchDatabase db, String token, int requests, String heap,
            Path aotDir) throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", "jvm");
        line.put("jdk", v.jdk());
        line.put("variant", v.name());
        line.put("round", round);
        long start = System.nanoTime();
        try (ServiceProcess service = ServiceProcess.start("hashmatch-service", db.jdbcUrl(), v.javaHome(), options(v, heap, aotDir))) {
            service.awaitReady(Duration.ofMillis(10));
            line.put("readyMs", Math.round((System.nanoTime() - start) / 1e6));
            line.put("quarkusStartedS", quarkusStarted(service.log()));
            line.put("rssAfterStartMb", rssMb(service.process()));
            double perSecond = workload(service, token, requests);
            line.put("matchRequestsPerSecond", Math.round(perSecond));
            line.put("rssAfterWorkloadMb", rssMb(service.process()));
        }
        return line;
    }

    /** {@code requests} match requests of 10 random PDQ hashes each, one after another; requests per second. */
    private static double workload(ServiceProcess service, String token, int requests) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            List<Map<String, Object>> queries = new ArrayList<>(10);
            for (int q = 0; q < 10; q++) {
                queries.add(Map.of("type", "pdq", "value", hex(32)));
            }
            JsonNode body = API.post(service.base() + "/api/v1/match", token, Map.of("queries", queries), 200);
            if (body.path("results").size() != 10) {
                throw new IllegalStateException("a match request answered " + body);
            }
        }
        return requests / ((System.nanoTime() - start) / 1e9);
    }

    /** Quarkus's own start-up figure from the service's log, or null if it is not there yet. */
    private static Double quarkusStarted(Path log) throws Exception {
        Matcher m = STARTED.matcher(Files.readString(log));
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static long rssMb(Process p) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + p.pid());
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

}
