package org.christchurchcall.hashmatch.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Hashing uploaded videos ({@code ccall.hashmatch.video-hashing.*}) at /api/v1/hashes/compute and
 * /api/v1/match/file. The upload is written to a private file in {@link #tempDir()} (an in-memory
 * emptyDir in Kubernetes) and decoded by FFmpeg in a separate process under the limits below; the
 * file is deleted when the request ends, whatever happened. The defaults fit a pod of 2 cores:
 * two decodes at a time, one decoder thread each (docs/operations.md, "Video uploads").
 */
@ConfigMapping(prefix = "ccall.hashmatch.video-hashing")
public interface VideoHashingConfig {

    /**
     * Largest video file accepted, raw or as the form part {@code file} (200 MiB). Images keep
     * their own limit, {@code ccall.hashmatch.max-upload-size}. The body limit of the upload paths,
     * {@code ccall.http.max-streamed-body-size}, is this plus 64 KiB for the multipart framing.
     */
    @WithDefault("209715200")
    long maxUploadSize();

    /** Longest video accepted, by its header and by the timestamps of the frames decoded. */
    @WithDefault("1h")
    Duration maxDuration();

    /** Widest frame accepted, checked in the header before anything is decoded. */
    @WithDefault("3840")
    int maxWidth();

    /** Tallest frame accepted: 3840 too, so that portrait 4K (2160 x 3840) is accepted. */
    @WithDefault("3840")
    int maxHeight();

    /** Most pixels in a frame (width x height): 4K UHD, 3840 x 2160 = 8,294,400. */
    @WithDefault("8294400")
    long maxPixels();

    /** Most frames decoded, hashed or not: an hour at 60 frames a second. */
    @WithDefault("216000")
    long maxFrames();

    /**
     * Most frames hashed in one answer: 7,200, the most a vpdq record or query may hold
     * ({@code ccall.hashmatch.video.max-frames}); a request for more (a small secondsPerHash on a
     * long video) is refused with 422 rather than answered with hashes that could not be used.
     */
    @WithDefault("7200")
    int maxHashedFrames();

    /** Wall-clock limit of probing and decoding together; FFmpeg is killed after it. */
    @WithDefault("120s")
    Duration timeout();

    /** CPU-time limit of each FFmpeg process (RLIMIT_CPU, through prlimit); 0 = none. */
    @WithDefault("120")
    long cpuSeconds();

    /**
     * Address-space limit of each FFmpeg process in bytes (RLIMIT_AS, through prlimit); 0 = none.
     * Debian's FFmpeg maps 200-300 MiB of libraries before it reads a byte, and one decoder thread
     * needed 400-500 MiB of address space for 4K H.264; 1 GiB leaves room.
     */
    @WithDefault("1073741824")
    long memoryBytes();

    /** FFmpeg decoder threads per video; 1 keeps a decode on one core. */
    @WithDefault("1")
    int decoderThreads();

    /** Hash one frame every this many seconds unless the request says otherwise (HMA's default: 1). */
    @WithDefault("1")
    double secondsPerHash();

    /** The largest secondsPerHash a request may ask for; 0 (every frame) is the smallest. */
    @WithDefault("60")
    double maxSecondsPerHash();

    /**
     * Videos handled at once per replica, from the first byte of the upload to the end of the
     * decode; another request gets 503 with Retry-After at once, and never waits in a queue. It
     * also bounds the space the uploads take in {@link #tempDir()}: this many times the upload limit.
     */
    @WithDefault("2")
    int maxConcurrent();

    /** What the Retry-After of that 503 says. */
    @WithDefault("10s")
    Duration retryAfter();

    /**
     * Where uploads are written while FFmpeg reads them (it needs a seekable file: an MP4's index
     * may be at its end). In Kubernetes an emptyDir with {@code medium: Memory}, so that an upload
     * never touches a disk. Files are private to the service's user (0600) and deleted when the
     * request ends; leftovers of a crash are deleted at start-up.
     */
    @WithDefault("${java.io.tmpdir}")
    Path tempDir();

    /** The ffmpeg executable: a name on the PATH or a path. */
    @WithDefault("ffmpeg")
    String ffmpeg();

    /** The ffprobe executable. */
    @WithDefault("ffprobe")
    String ffprobe();
}
