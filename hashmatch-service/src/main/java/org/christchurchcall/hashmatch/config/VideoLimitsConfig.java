package org.christchurchcall.hashmatch.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits and matching defaults for video hashes ({@code ccall.hashmatch.video.*}). A vpdq record
 * or query is refused (400) above them; every replica holds every frame in memory (about 100 bytes
 * a frame in the index), so the limits bound what one request can add to every replica.
 */
@ConfigMapping(prefix = "ccall.hashmatch.video")
public interface VideoLimitsConfig {

    /**
     * Most frames in one vpdq record or query: 7,200 is two hours at one hash a second (the
     * Python binding's and HMA's default sampling). Must stay below VideoFrameIds.MAX_FRAMES, the
     * most frames the index can key per video.
     */
    @WithDefault("7200")
    int maxFrames();

    /** The last frame's timestamp may be at most this far into the video. */
    @WithDefault("4h")
    Duration maxDuration();

    /**
     * Most frames in one request, summed over its items (a bulk submission) or queries (a match
     * request): ten full records. As JSON that is about 9.5 MB (some 130 bytes a frame), under the
     * body limit ccall.http.max-body-size (20 MiB + 64 KiB), so this limit, not the body limit,
     * is what a client meets.
     */
    @WithDefault("72000")
    int maxRequestFrames();

    /** A video matches a vpdq query when at least this share (%) of the query's frames match, unless the request says otherwise. */
    @WithDefault("80")
    int defaultMinQueryPercent();

    /** ... and at least this share (%) of the stored video's frames match (HMA's default: 0). */
    @WithDefault("0")
    int defaultMinCandidatePercent();
}
