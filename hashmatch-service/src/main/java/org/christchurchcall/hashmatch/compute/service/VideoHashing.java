package org.christchurchcall.hashmatch.compute.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.config.VideoHashingConfig;
import org.christchurchcall.hashmatch.values.Frame;
import org.christchurchcall.hashmatch.video.FfmpegOptions;
import org.christchurchcall.hashmatch.video.FfmpegVideo;
import org.christchurchcall.hashmatch.video.VideoRejectedException;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.video.VpdqHasher;
import org.christchurchcall.hashmatch.video.VpdqLines;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Hashes an uploaded video with vPDQ ({@link VpdqHasher}, bit-exact with Meta's reference): FFmpeg
 * decodes it in a separate process under the limits of {@code ccall.hashmatch.video-hashing.*}
 * (header checks before decoding, wall-clock timeout, prlimit CPU and address-space limits).
 * Nothing is stored; the caller deletes the file.
 */
@ApplicationScoped
public class VideoHashing {

    /** What FFmpeg's header says about the video stream. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stream(@Schema(example = "h264") String codec, @Schema(example = "480") int width,
            @Schema(example = "720") int height,
            @Schema(description = "frames per second: the stream's average rate, else its base rate", example = "30.0")
            double fps,
            @Schema(description = "seconds, from the header; absent when the header does not say", example = "18.8")
            Double duration) {
    }

    /**
     * The hashes of an uploaded video. {@code md5} and {@code sha256} are of the file's bytes, as
     * for any file; {@code videoMd5} is the same MD5, under the name of the hash type it is shared
     * and matched as ({@code video-md5}).
     */
    @RegisterForReflection
    public record VideoHashes(@Schema(enumeration = "vpdq", example = "vpdq") String type,
            @Schema(description = "bytes", example = "2117802") long size,
            @Schema(example = "5f0d9e8e8a7c3a0c9d1f4b9e2d3c4b5a") String md5,
            @Schema(example = "0d3c2b1a9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4") String sha256,
            @Schema(description = "the MD5 of the file, to share or match as type video-md5",
                    example = "5f0d9e8e8a7c3a0c9d1f4b9e2d3c4b5a") String videoMd5,
            Stream video,
            @Schema(description = "one frame hashed every this many seconds; 0 = every frame", example = "1.0")
            double secondsPerHash,
            @Schema(description = "the hashed frames, in frame order: as a vpdq record's or query's frames")
            List<Frame> frames,
            @Schema(description = "the same frames in the reference vpdq-hash-video's file format: one "
                    + "frameNumber,quality,pdqHex,timestamp line each",
                    example = "0,100,e271017837246aaccddea259648fbfd62f435c89d9e99b2497763e216c8d055c,0.000\n") String lines) {
    }

    private final VideoHashingConfig config;
    private final FfmpegOptions ffmpeg;
    private final VpdqHasher hasher = new VpdqHasher();

    @Inject
    public VideoHashing(VideoHashingConfig config) {
        this.config = config;
        this.ffmpeg = new FfmpegOptions(config.ffmpeg(), config.ffprobe(), config.decoderThreads(), config.timeout(),
                config.cpuSeconds(), config.memoryBytes(), config.maxWidth(), config.maxHeight(),
                config.maxDuration().toMillis() / 1000.0, config.maxFrames(), config.maxPixels());
    }

    /** The default sampling of a request that names none. */
    public double defaultSecondsPerHash() {
        return config.secondsPerHash();
    }

    public double maxSecondsPerHash() {
        return config.maxSecondsPerHash();
    }

    /** The answer, and the frames as the core's values (for matching). */
    public record Hashed(VideoHashes hashes, List<VpdqFrame> frames) {
    }

    /**
     * Hashes one frame every {@code secondsPerHash} seconds (0: every frame). A video FFmpeg
     * refuses or cannot finish within the limits is an {@link UploadRefusedException} (422).
     */
    public Hashed hash(Upload.Video video, double secondsPerHash) {
        VpdqHasher.Result result;
        try {
            result = hasher.hash(video.file(), new VpdqHasher.Options(secondsPerHash, 0), ffmpeg);
        } catch (VideoRejectedException e) {
            throw UploadRefusedException.video(e.reason(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("FFmpeg failed on an uploaded video", e);
        }
        if (result.frames().size() > config.maxHashedFrames()) {
            throw UploadRefusedException.video(VideoRejectedException.Reason.TOO_MANY_FRAMES, "hashing a frame every "
                    + secondsPerHash + " s gives " + result.frames().size() + " hashes, more than the "
                    + config.maxHashedFrames() + " allowed; ask for a larger secondsPerHash");
        }
        List<Frame> frames = new ArrayList<>(result.frames().size());
        // timestamps to the millisecond, as the reference's lines print them
        result.frames().forEach(f -> frames.add(new Frame(f.frameNumber(), f.quality(), f.hash().toHex(),
                Double.parseDouble(VpdqFrame.formatTimestamp(f.timestamp())))));
        FfmpegVideo.StreamInfo s = result.stream();
        Stream stream = new Stream(s.codec(), s.width(), s.height(), s.frameRate(),
                Double.isNaN(s.durationSeconds()) ? null : s.durationSeconds());
        return new Hashed(new VideoHashes("vpdq", video.size(), video.md5(), video.sha256(), video.md5(), stream,
                secondsPerHash, List.copyOf(frames), VpdqLines.format(result.frames())), result.frames());
    }
}
