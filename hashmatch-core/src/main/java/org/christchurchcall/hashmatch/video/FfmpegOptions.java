package org.christchurchcall.hashmatch.video;

import java.time.Duration;
import java.util.Objects;

/**
 * How FFmpeg runs and what it may decode.
 *
 * @param ffmpeg the {@code ffmpeg} executable (a name on the PATH or a path)
 * @param ffprobe the {@code ffprobe} executable
 * @param threads decoder threads ({@code -threads}); 1 for one core, 0 lets FFmpeg choose
 * @param timeout wall-clock limit for probing and decoding together; the process is killed after it
 * @param cpuSeconds CPU-time limit of each FFmpeg process ({@code RLIMIT_CPU} through {@code prlimit}); 0 = none
 * @param memoryBytes address-space limit of each FFmpeg process ({@code RLIMIT_AS}); 0 = none
 * @param maxWidth widest frame accepted
 * @param maxHeight tallest frame accepted
 * @param maxDurationSeconds longest video accepted (by its header, and by the timestamps of decoded frames)
 * @param maxFrames most decoded frames accepted (every frame counts, hashed or not)
 * @param maxPixels most pixels in a frame (width x height) accepted
 */
public record FfmpegOptions(String ffmpeg, String ffprobe, int threads, Duration timeout, long cpuSeconds,
        long memoryBytes, int maxWidth, int maxHeight, double maxDurationSeconds, long maxFrames, long maxPixels) {

    public FfmpegOptions {
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(ffprobe, "ffprobe");
        Objects.requireNonNull(timeout, "timeout");
        if (threads < 0 || cpuSeconds < 0 || memoryBytes < 0 || maxWidth < 1 || maxHeight < 1
                || !(maxDurationSeconds > 0) || maxFrames < 1 || maxPixels < 1 || timeout.isNegative()
                || timeout.isZero()) {
            throw new IllegalArgumentException("invalid FFmpeg options");
        }
    }

    /** Without a pixel limit of its own: {@code maxWidth x maxHeight}. */
    public FfmpegOptions(String ffmpeg, String ffprobe, int threads, Duration timeout, long cpuSeconds,
            long memoryBytes, int maxWidth, int maxHeight, double maxDurationSeconds, long maxFrames) {
        this(ffmpeg, ffprobe, threads, timeout, cpuSeconds, memoryBytes, maxWidth, maxHeight, maxDurationSeconds,
                maxFrames, (long) maxWidth * maxHeight);
    }

    /**
     * For trusted local files (the command-line tools and benchmarks): FFmpeg on the PATH, one
     * decoder thread, no resource limits beyond generous size caps.
     */
    public static FfmpegOptions local() {
        return new FfmpegOptions("ffmpeg", "ffprobe", 1, Duration.ofHours(6), 0, 0, 16_384, 16_384,
                24 * 3600.0, Long.MAX_VALUE);
    }

    public FfmpegOptions withThreads(int n) {
        return new FfmpegOptions(ffmpeg, ffprobe, n, timeout, cpuSeconds, memoryBytes, maxWidth, maxHeight,
                maxDurationSeconds, maxFrames, maxPixels);
    }

    /** The same with another wall-clock limit: what is left of the first one, once a step has run. */
    public FfmpegOptions withTimeout(Duration t) {
        return new FfmpegOptions(ffmpeg, ffprobe, threads, t, cpuSeconds, memoryBytes, maxWidth, maxHeight,
                maxDurationSeconds, maxFrames, maxPixels);
    }
}
