package org.christchurchcall.hashmatch.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.christchurchcall.hashmatch.video.VideoRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the FFmpeg process boundary does with files and tools that misbehave: truncated files,
 * container rotation, frames past the limit that are not sampled, the pixel limit, the wall-clock
 * limit over probing and decoding together, the CPU limit, and a memory limit too low to start.
 */
class FfmpegSandboxTest {

    private final VpdqHasher hasher = new VpdqHasher();

    @TempDir
    Path dir;

    static FfmpegOptions limits(Duration timeout, long maxFrames) {
        return new FfmpegOptions("ffmpeg", "ffprobe", 1, timeout, 0, 0, 4096, 4096, 3600, maxFrames);
    }

    /** Runs the ffmpeg command line to make a test file. */
    static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    static Path firstHalf(Path from, Path to) throws IOException {
        byte[] all = Files.readAllBytes(from);
        return Files.write(to, java.util.Arrays.copyOf(all, all.length / 2));
    }

    static String everyThirtiethLine(String name) {
        List<VpdqFrame> all = VpdqLines.parse(VpdqData.read(VpdqData.sampleHashes(name)));
        return VpdqLines.format(all.stream().filter(f -> f.frameNumber() % 30 == 0).toList());
    }

    @Test
    void aTruncatedFileIsRefusedAlthoughFfmpegDecodesItsFirstHalf() throws Exception {
        // chair-19 has its index (moov) at the front: FFmpeg decodes the first half and exits 0
        Path front = firstHalf(VpdqData.video("chair-19-sd-bar"), dir.resolve("front.mp4"));
        VideoRejectedException e = assertThrows(VideoRejectedException.class,
                () -> hasher.hash(front, VpdqHasher.Options.defaults(), FfmpegOptions.local()));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        // test-padded-dimensions has it at the end: the header is missing
        Path end = firstHalf(VpdqData.video("test-padded-dimensions"), dir.resolve("end.mp4"));
        assertEquals(Reason.UNREADABLE, assertThrows(VideoRejectedException.class,
                () -> hasher.hash(end, VpdqHasher.Options.defaults(), FfmpegOptions.local())).reason());

        Path mkv = dir.resolve("whole.mkv");
        ffmpeg("-i", VpdqData.video("pattern-sd-grey-bar").toString(), "-c", "copy", mkv.toString());
        Path halfMkv = firstHalf(mkv, dir.resolve("half.mkv"));
        e = assertThrows(VideoRejectedException.class,
                () -> hasher.hash(halfMkv, VpdqHasher.Options.defaults(), FfmpegOptions.local()));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        // the whole remuxed file hashes as the original does
        assertEquals(everyThirtiethLine("pattern-sd-grey-bar"),
                VpdqLines.format(hasher.hash(mkv, VpdqHasher.Options.defaults(), FfmpegOptions.local()).frames()));
    }

    @Test
    void aRotationInTheContainerIsIgnoredAsTheReferenceIgnoresIt() throws Exception {
        Path rotated = dir.resolve("rotated.mp4");
        ffmpeg("-i", VpdqData.video("doorknob-hd-no-bar").toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90",
                rotated.toString());
        VpdqHasher.Result r = hasher.hash(rotated, VpdqHasher.Options.defaults(), FfmpegOptions.local());
        assertEquals(everyThirtiethLine("doorknob-hd-no-bar"), VpdqLines.format(r.frames()));
    }

    @Test
    void framesPastTheLimitCountEvenWhenNoneOfThemIsSampled() throws Exception {
        // Matroska declares no frame count, so only decoding finds the 45 frames; at 1 s per hash
        // frames 0 and 30 are sampled and 31-44 are not
        Path v = dir.resolve("45.mkv");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=s=32x32:r=30", "-frames:v", "45", "-c:v", "libx264", "-preset",
                "ultrafast", v.toString());
        for (long max : new long[] { 44, 40, 31 }) {
            VideoRejectedException e = assertThrows(VideoRejectedException.class,
                    () -> hasher.hash(v, VpdqHasher.Options.defaults(), limits(Duration.ofMinutes(1), max)));
            assertEquals(Reason.TOO_MANY_FRAMES, e.reason(), "max " + max);
        }
        assertEquals(Reason.TOO_MANY_FRAMES, assertThrows(VideoRejectedException.class,
                () -> hasher.hash(v, VpdqHasher.Options.defaults(), limits(Duration.ofMinutes(1), 30))).reason());
        VpdqHasher.Result exact = hasher.hash(v, VpdqHasher.Options.defaults(), limits(Duration.ofMinutes(1), 45));
        assertEquals(List.of(0, 30), exact.frames().stream().map(VpdqFrame::frameNumber).toList());
        assertEquals(45, hasher.hash(v, VpdqHasher.Options.everyFrame(), limits(Duration.ofMinutes(1), 45))
                .frames().size());
        assertEquals(Reason.TOO_MANY_FRAMES, assertThrows(VideoRejectedException.class,
                () -> hasher.hash(v, VpdqHasher.Options.everyFrame(), limits(Duration.ofMinutes(1), 44))).reason());
    }

    @Test
    void thePixelLimitIsCheckedFromTheHeader() throws Exception {
        Path v = VpdqData.video("doorknob-hd-no-bar"); // 1280 x 720 = 921,600 pixels
        FfmpegOptions below = new FfmpegOptions("ffmpeg", "ffprobe", 1, Duration.ofMinutes(1), 0, 0, 4096, 4096,
                60, 1000, 921_599);
        VideoRejectedException e = assertThrows(VideoRejectedException.class,
                () -> hasher.hash(v, VpdqHasher.Options.defaults(), below));
        assertEquals(Reason.TOO_LARGE_FRAME, e.reason());
        FfmpegOptions exact = new FfmpegOptions("ffmpeg", "ffprobe", 1, Duration.ofMinutes(1), 0, 0, 1280, 720, 60,
                120, 921_600);
        assertEquals(4, hasher.hash(v, VpdqHasher.Options.defaults(), exact).frames().size());
    }

    /** A tool that starts slowly: {@code sleep} stands for a slow disk or a loaded machine. */
    private Path slow(String tool, String seconds) throws IOException {
        Path script = dir.resolve("slow-" + tool);
        Files.writeString(script, "#!/bin/sh\nsleep " + seconds + "\nexec " + tool + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void ffmpegRunsWithoutTheServicesEnvironment() throws Exception {
        // the JVM running this test has HOME, USER and more; the decoder must see only PATH
        assertTrue(System.getenv().size() > 1);
        Path envFile = dir.resolve("env");
        Path probe = dir.resolve("env-ffprobe");
        Files.writeString(probe, "#!/bin/sh\nenv > " + envFile + "\nexec ffprobe \"$@\"\n");
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwx------"));
        FfmpegOptions o = new FfmpegOptions("ffmpeg", probe.toString(), 1, Duration.ofMinutes(1), 0, 0, 4096, 4096,
                3600, 100_000);
        assertEquals(7, hasher.hash(VpdqData.video("pattern-sd-grey-bar"), VpdqHasher.Options.defaults(), o)
                .frames().size());
        List<String> names = Files.readAllLines(envFile).stream().map(l -> l.substring(0, l.indexOf('=')))
                .filter(n -> !n.equals("PWD") && !n.equals("SHLVL") && !n.equals("_")) // the shell's own
                .toList();
        assertEquals(List.of("PATH"), names);
    }

    @Test
    void theWallClockLimitCoversProbingAndDecodingTogether() throws Exception {
        // each step alone stays within 3 s; together they take more than 3 s
        FfmpegOptions o = new FfmpegOptions(slow("ffmpeg", "1.8").toString(), slow("ffprobe", "1.8").toString(), 1,
                Duration.ofSeconds(3), 0, 0, 4096, 4096, 3600, 100_000);
        VideoRejectedException e = assertThrows(VideoRejectedException.class,
                () -> hasher.hash(VpdqData.video("pattern-sd-grey-bar"), VpdqHasher.Options.defaults(), o));
        assertEquals(Reason.RESOURCE_LIMIT, e.reason());
    }

    @Test
    void aDecoderThatHangsIsKilledAtTheTimeout() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path hang = dir.resolve("hang");
        Files.writeString(hang, "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 600\n");
        Files.setPosixFilePermissions(hang, PosixFilePermissions.fromString("rwx------"));
        FfmpegOptions o = new FfmpegOptions(hang.toString(), "ffprobe", 1, Duration.ofSeconds(2), 0, 0, 4096, 4096,
                3600, 100_000);
        VideoRejectedException e = assertThrows(VideoRejectedException.class,
                () -> hasher.hash(VpdqData.video("pattern-sd-grey-bar"), VpdqHasher.Options.defaults(), o));
        assertEquals(Reason.RESOURCE_LIMIT, e.reason());
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the decoder was left running");
    }

    @Test
    void aDecodeKilledWhileItsFramesAreBeingReadIsATimeLimitNotAnIoError() {
        // every frame of chair-19 takes over 3 s; killing FFmpeg closes the pipe under the reader
        FfmpegOptions o = limits(Duration.ofSeconds(1), 100_000);
        for (int i = 0; i < 3; i++) {
            VideoRejectedException e = assertThrows(VideoRejectedException.class,
                    () -> hasher.hash(VpdqData.video("chair-19-sd-bar"), VpdqHasher.Options.everyFrame(), o));
            assertEquals(Reason.RESOURCE_LIMIT, e.reason());
        }
    }

    @Test
    void theCpuLimitStopsADecoderThatSpins() throws Exception {
        Path spin = dir.resolve("spin");
        Files.writeString(spin, "#!/bin/sh\nwhile :; do :; done\n");
        Files.setPosixFilePermissions(spin, PosixFilePermissions.fromString("rwx------"));
        // 1 CPU second under prlimit; the wall-clock limit is far off
        FfmpegOptions o = new FfmpegOptions(spin.toString(), "ffprobe", 1, Duration.ofMinutes(5), 1, 0, 4096, 4096,
                3600, 100_000);
        VideoRejectedException e = assertThrows(VideoRejectedException.class,
                () -> hasher.hash(VpdqData.video("pattern-sd-grey-bar"), VpdqHasher.Options.defaults(), o));
        assertEquals(Reason.RESOURCE_LIMIT, e.reason());
    }

    @Test
    void aMemoryLimitTooLowForFfmpegToLoadIsAnErrorOfTheDeploymentNotOfTheVideo() {
        // Debian's FFmpeg maps a few hundred MB of libraries before it reads a byte
        FfmpegOptions o = new FfmpegOptions("ffmpeg", "ffprobe", 1, Duration.ofMinutes(1), 0, 50_000_000, 4096, 4096,
                3600, 100_000);
        IOException e = assertThrows(IOException.class,
                () -> hasher.hash(VpdqData.video("pattern-sd-grey-bar"), VpdqHasher.Options.defaults(), o));
        assertTrue(e.getMessage().contains("could not start"), e.getMessage());
    }

    @Test
    void oneGibOfAddressSpaceDecodes4k() throws Exception {
        Path v = dir.resolve("4k.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=s=3840x2160:r=30", "-frames:v", "3", "-c:v", "libx264", "-preset",
                "ultrafast", "-pix_fmt", "yuv420p", v.toString());
        FfmpegOptions o = new FfmpegOptions("ffmpeg", "ffprobe", 1, Duration.ofMinutes(2), 120, 1L << 30, 3840, 3840,
                3600, 100_000, 3840 * 2160);
        assertEquals(3, hasher.hash(v, VpdqHasher.Options.everyFrame(), o).frames().size());
    }
}
