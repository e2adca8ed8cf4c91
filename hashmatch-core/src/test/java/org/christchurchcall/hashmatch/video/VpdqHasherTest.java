package org.christchurchcall.hashmatch.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * vPDQ against Meta's published hashes: every line (frame number, quality, hash, timestamp) of
 * the 13 native-resolution 2022 files whose videos are in the data, and the C-converter version
 * of test-padded-dimensions.
 */
class VpdqHasherTest {

    private final VpdqHasher hasher = new VpdqHasher();

    @ParameterizedTest
    @ValueSource(strings = {
        "chair-19-sd-bar", "chair-20-sd-bar", "chair-22-sd-grey-bar", "chair-22-sd-sepia-bar",
        "chair-22-with-large-logo-bar", "chair-22-with-small-logo-bar", "chair-orig-22-sd-bar",
        "doorknob-hd-no-bar", "pattern-hd-no-bar", "pattern-longer-no-bar", "pattern-sd-grey-bar",
        "pattern-sd-with-large-logo-bar", "pattern-sd-with-small-logo-bar" })
    void everyFrameReproducesThePublishedFileLineForLine(String name) throws Exception {
        String expected = VpdqData.read(VpdqData.sampleHashes(name));
        VpdqHasher.Result r = hasher.hash(VpdqData.video(name), VpdqHasher.Options.everyFrame(), FfmpegOptions.local());
        assertLines(expected, VpdqLines.format(r.frames()), name);
    }

    @Test
    void testPaddedDimensionsMatchesTheCConverterRegeneration() throws Exception {
        String expected = VpdqData.read(VpdqData.dir().resolve("regen-swscale-c/test-padded-dimensions.txt"));
        VpdqHasher.Result r = hasher.hash(VpdqData.video("test-padded-dimensions"), VpdqHasher.Options.everyFrame(),
                FfmpegOptions.local());
        assertLines(expected, VpdqLines.format(r.frames()), "test-padded-dimensions");
    }

    @Test
    void oneHashPerSecondIsEveryThirtiethFrameOfTheFullFile() throws Exception {
        List<VpdqFrame> all = VpdqLines.parse(VpdqData.read(VpdqData.sampleHashes("pattern-sd-grey-bar")));
        List<VpdqFrame> expected = all.stream().filter(f -> f.frameNumber() % 30 == 0).toList();
        VpdqHasher.Result r = hasher.hash(VpdqData.video("pattern-sd-grey-bar"), VpdqHasher.Options.defaults(),
                FfmpegOptions.local());
        assertEquals(7, expected.size());
        assertEquals(VpdqLines.format(expected), VpdqLines.format(r.frames()));
        assertEquals(30.0, r.stream().frameRate());
    }

    @Test
    void frameStepFollowsTheReference() {
        assertEquals(30, VpdqHasher.frameMod(1.0, 30.0));
        assertEquals(29, VpdqHasher.frameMod(1.0, 30000.0 / 1001));
        assertEquals(1, VpdqHasher.frameMod(0, 30.0));
        assertEquals(1, VpdqHasher.frameMod(0.01, 30.0));
    }

    @Test
    void notAVideoIsRefusedAsUnreadable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.mp4");
        Files.writeString(f, "this is not a video");
        VideoRejectedException e = assertThrows(VideoRejectedException.class,
                () -> hasher.hash(f, VpdqHasher.Options.defaults(), FfmpegOptions.local()));
        assertEquals(VideoRejectedException.Reason.UNREADABLE, e.reason());
    }

    @Test
    void limitsAreCheckedFromTheHeaderBeforeDecoding() {
        Path v = VpdqData.video("doorknob-hd-no-bar"); // 1280x720, 4 s, 120 frames
        FfmpegOptions narrow = new FfmpegOptions("ffmpeg", "ffprobe", 1, Duration.ofMinutes(1), 0, 0, 1279, 720, 60, 1000);
        assertEquals(VideoRejectedException.Reason.TOO_LARGE_FRAME, assertThrows(VideoRejectedException.class,
                () -> hasher.hash(v, VpdqHasher.Options.defaults(), narrow)).reason());
        FfmpegOptions brief = new FfmpegOptions("ffmpeg", "ffprobe", 1, Duration.ofMinutes(1), 0, 0, 1280, 720, 3.9, 1000);
        assertEquals(VideoRejectedException.Reason.TOO_LONG, assertThrows(VideoRejectedException.class,
                () -> hasher.hash(v, VpdqHasher.Options.defaults(), brief)).reason());
        FfmpegOptions few = new FfmpegOptions("ffmpeg", "ffprobe", 1, Duration.ofMinutes(1), 0, 0, 1280, 720, 60, 119);
        assertEquals(VideoRejectedException.Reason.TOO_MANY_FRAMES, assertThrows(VideoRejectedException.class,
                () -> hasher.hash(v, VpdqHasher.Options.defaults(), few)).reason());
    }

    private static void assertLines(String expected, String actual, String name) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            assertEquals(e[i], a[i], name + " line " + (i + 1));
        }
        assertEquals(e.length, a.length, name + " lines");
        assertTrue(actual.endsWith("\n"));
    }
}
