package org.christchurchcall.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, exactly as written: the shell blocks between
 * {@code <!-- quickstart:begin -->} and {@code <!-- quickstart:end -->} are extracted from
 * README.md (never copied here) and run with {@code bash -euo pipefail} from the checkout's root
 * against {@code bin/ccall up --fresh}, which this test starts and stops (SIGINT, as Ctrl-C).
 *
 * <p>{@code up} runs on the demo's ports (8101-8104, the receiver on 8109), which only it uses:
 * every other test takes random ports. Its databases are the demo's names with the suffix
 * {@code _quickstart} (plus {@code CCALL_TEST_DB_SUFFIX}), so a developer's demo data survives
 * {@code bin/ccall test}. A running {@code bin/ccall up} makes {@code up} refuse, and this test fail
 * saying so.
 */
class QuickStartIT {

    static final Path ROOT = Path.of(System.getProperty("ccall.root", "..")).toAbsolutePath().normalize();
    static final Path TARGET = ROOT.resolve("quickstart/target");
    static final String BEGIN = "<!-- quickstart:begin -->";
    static final String END = "<!-- quickstart:end -->";

    /** The shell of the fenced {@code bash}/{@code sh} blocks between the markers, in order. */
    static String quickStart(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has " + BEGIN + " ... " + END);
        assertEquals(-1, readme.indexOf(BEGIN, begin + 1), "README.md has one quick start");
        Matcher m = Pattern.compile("(?ms)^```(?:bash|sh)\\s*\\n(.*?)^```\\s*$").matcher(readme.substring(begin, end));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "the quick start has ```bash blocks");
        return String.join("\n", blocks);
    }

    @Test
    void theReadmeQuickStartRunsAsWrittenAgainstAFreshUp() throws Exception {
        String script = quickStart(Files.readString(ROOT.resolve("README.md")));
        Files.createDirectories(TARGET);
        Path scriptFile = TARGET.resolve("quickstart.sh");
        Files.writeString(scriptFile, script);
        Path upLog = TARGET.resolve("ccall-up.log");
        Path runLog = TARGET.resolve("quickstart.log");
        Path receiverLog = ROOT.resolve(".local/logs/webhook-receiver.log");

        ProcessBuilder upCommand = new ProcessBuilder("bin/ccall", "up", "--fresh").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(upLog.toFile());
        // the services run on the JDK that runs this test, whatever PATH holds
        upCommand.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        upCommand.environment().put("CCALL_DB_SUFFIX",
                "_quickstart" + System.getenv().getOrDefault("CCALL_TEST_DB_SUFFIX", "").toLowerCase());
        long started = System.nanoTime();
        Process up = upCommand.start();
        try {
            // a build may come first when this runs alone; in the reactor the jars are current
            Awaitility.await("bin/ccall up --fresh (log: " + upLog + ")").atMost(Duration.ofMinutes(15))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        if (!up.isAlive()) {
                            fail("bin/ccall up exited with status " + up.exitValue() + ":\n" + Files.readString(upLog));
                        }
                        return Files.readString(upLog).contains("The Christchurch Call platform is running");
                    });
            long ready = System.nanoTime();

            Process run = new ProcessBuilder("bash", "-euo", "pipefail", scriptFile.toString()).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(runLog.toFile()).start();
            if (!run.waitFor(5, TimeUnit.MINUTES)) {
                run.destroyForcibly().waitFor();
                fail("the quick start did not finish within 5 minutes:\n" + Files.readString(runLog));
            }
            String output = Files.readString(runLog);
            assertEquals(0, run.exitValue(), "the quick start failed:\n" + output + "\nreceiver log:\n" + read(receiverLog));
            assertTrue(read(receiverLog).contains(" verified incident.activated incident="),
                    "the receiver logged a verified delivery:\n" + read(receiverLog));
            assertFalse(read(receiverLog).contains(" REJECTED "), "no delivery was rejected:\n" + read(receiverLog));
            System.out.printf("quick start: up --fresh ready in %.1f s, the commands ran in %.1f s%n",
                    (ready - started) / 1e9, (System.nanoTime() - ready) / 1e9);
        } finally {
            stop(up);
        }
    }

    /**
     * As Ctrl-C: SIGINT, and bin/ccall stops what it started and exits. A process started from a
     * background job ignores SIGINT (the shell's rule for asynchronous commands), so SIGTERM, which
     * bin/ccall handles the same way, follows if it is still running; anything left is killed.
     */
    static void stop(Process up) throws IOException, InterruptedException {
        List<ProcessHandle> children = up.descendants().toList();
        for (String signal : List.of("-INT", "-TERM")) {
            if (up.isAlive()) {
                new ProcessBuilder("kill", signal, Long.toString(up.pid())).inheritIO().start().waitFor();
                up.waitFor(signal.equals("-INT") ? 15 : 60, TimeUnit.SECONDS);
            }
        }
        if (up.isAlive()) {
            up.destroyForcibly().waitFor();
        }
        for (ProcessHandle c : children) {
            if (c.isAlive()) {
                c.destroyForcibly();
            }
        }
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no " + file + ")";
    }
}
