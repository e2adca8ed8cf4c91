package org.christchurchcall.hashmatch.video;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.christchurchcall.hashmatch.pdq.PdqHasher;
import org.christchurchcall.hashmatch.pdq.PdqResult;
import org.christchurchcall.hashmatch.video.VideoRejectedException.Reason;

/**
 * vPDQ: Meta's video hash, a PDQ hash of sampled frames, bit-exact with the reference
 * {@code vpdq-hash-video} (see {@code shared/data/vpdq/README.md}).
 *
 * <ul>
 *   <li>Frames come from FFmpeg in decoder output order ({@link FfmpegVideo}); frame {@code n}
 *       is hashed when {@code n % frameMod == 0}, {@code frameMod = (int) (secondsPerHash *
 *       frameRate)}, at least 1; the frame rate is the stream's average rate, else its base rate.
 *   <li>Each hashed frame is converted to RGB as swscale's C converter does and hashed whole
 *       (no 512x512 resize), by {@link PdqHasher#hashFullFrameYuv420}.
 *   <li>The timestamp is {@code (float) n / (float) frameRate}.
 * </ul>
 * Instances are stateless and thread-safe; each call runs its own FFmpeg process.
 */
public final class VpdqHasher {

    /**
     * @param secondsPerHash hash one frame every this many seconds; 0 hashes every frame. HMA and
     *     the reference's Python binding default to 1; the reference command line to 0.
     * @param downsample 0 keeps the native size; N > 0 resizes every frame to N x N first (the
     *     reference's {@code -s N}; its published N = 128 files are not reproducible, see the data README)
     */
    public record Options(double secondsPerHash, int downsample) {

        public Options {
            if (!(secondsPerHash >= 0) || Double.isInfinite(secondsPerHash)) {
                throw new IllegalArgumentException("secondsPerHash must be 0 or more");
            }
            if (downsample < 0 || (downsample > 0 && downsample < PdqHasher.MIN_DIMENSION)) {
                throw new IllegalArgumentException("downsample must be 0 or at least " + PdqHasher.MIN_DIMENSION);
            }
        }

        /** One hash per second at native size: HMA's default. */
        public static Options defaults() {
            return new Options(1.0, 0);
        }

        /** Every frame at native size: the reference command line's default. */
        public static Options everyFrame() {
            return new Options(0, 0);
        }
    }

    /** The hashed frames and what FFmpeg said about the stream. */
    public record Result(FfmpegVideo.StreamInfo stream, List<VpdqFrame> frames) {
    }

    private final PdqHasher pdq = new PdqHasher();

    /** The frame step for a rate: {@code (int) (secondsPerHash * frameRate)}, at least 1. */
    public static int frameMod(double secondsPerHash, double frameRate) {
        int mod = (int) (secondsPerHash * frameRate);
        return Math.max(1, mod);
    }

    /**
     * Probes, then decodes and hashes. {@link FfmpegOptions#timeout()} bounds both steps together:
     * decoding gets what probing left of it.
     */
    public Result hash(Path video, Options options, FfmpegOptions ffmpeg) throws IOException, VideoRejectedException {
        long deadline = System.nanoTime() + ffmpeg.timeout().toNanos();
        FfmpegVideo.StreamInfo info = FfmpegVideo.probe(video, ffmpeg);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new VideoRejectedException(Reason.RESOURCE_LIMIT, "reading the video's header used up the "
                    + ffmpeg.timeout().toSeconds() + " s allowed");
        }
        int mod = frameMod(options.secondsPerHash(), info.frameRate());
        List<VpdqFrame> out = new ArrayList<>();
        try (FfmpegVideo.Frames frames = FfmpegVideo.open(video, info, ffmpeg.withTimeout(Duration.ofNanos(left)), mod,
                options.downsample())) {
            int w = frames.width();
            int h = frames.height();
            if (w < PdqHasher.MIN_DIMENSION || h < PdqHasher.MIN_DIMENSION) {
                throw new VideoRejectedException(Reason.UNREADABLE, "frames of " + w + "x" + h
                        + " are too small to hash (5x5 at least)");
            }
            byte[] buf = new byte[frames.frameSize()];
            while (frames.next(buf)) {
                int n = frames.frameNumber();
                if ((long) n + 1 > ffmpeg.maxFrames()) {
                    throw new VideoRejectedException(Reason.TOO_MANY_FRAMES,
                            "the video has more than the " + ffmpeg.maxFrames() + " frames allowed");
                }
                double ts = VpdqFrame.timestampOf(n, info.frameRate());
                if (ts > ffmpeg.maxDurationSeconds()) {
                    throw new VideoRejectedException(Reason.TOO_LONG,
                            "the video runs longer than the " + (long) ffmpeg.maxDurationSeconds() + " s allowed");
                }
                PdqResult r = frames.layout() == FfmpegVideo.Layout.YUV420P
                        ? pdq.hashFullFrameYuv420(buf, w, h)
                        : pdq.hashFullFrameRgb(buf, w, h);
                out.add(new VpdqFrame(n, r.quality(), r.hash(), ts));
            }
        }
        return new Result(info, List.copyOf(out));
    }
}
