package org.christchurchcall.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.christchurchcall.hashmatch.video.VpdqData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VpdqCliTest {

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VpdqCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheReferenceHashFileOfAVideo() {
        Run r = run(VpdqData.video("pattern-sd-grey-bar").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(VpdqData.read(VpdqData.sampleHashes("pattern-sd-grey-bar")), r.out());
    }

    @Test
    void writesOneFilePerVideoIntoADirectoryAtOneHashPerSecond(@TempDir Path dir) throws Exception {
        Run r = run("-r", "1", "-d", dir.toString(), VpdqData.video("pattern-sd-grey-bar").toString(),
                VpdqData.video("doorknob-hd-no-bar").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(7, Files.readAllLines(dir.resolve("pattern-sd-grey-bar.txt")).size());
        // 120 frames at 30 fps: frames 0, 30, 60, 90
        assertEquals(4, Files.readAllLines(dir.resolve("doorknob-hd-no-bar.txt")).size());
        assertTrue(Files.readString(dir.resolve("doorknob-hd-no-bar.txt")).startsWith("0,"));
    }

    @Test
    void aFileThatIsNotAVideoFailsWithStatusOneAndAMessage(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("x.mp4"), "hello");
        Run r = run("-o", dir.resolve("out.txt").toString(), garbage.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("x.mp4"), r.err());
    }

    @Test
    void badUsageIsStatusTwo() {
        assertEquals(2, run().status());
        assertEquals(2, run("-r", "abc", "v.mp4").status());
        assertEquals(2, run("-r", "-1", "v.mp4").status());
        assertEquals(2, run("--frobnicate", "v.mp4").status());
        assertEquals(2, run("a.mp4", "b.mp4").status());
    }
}
