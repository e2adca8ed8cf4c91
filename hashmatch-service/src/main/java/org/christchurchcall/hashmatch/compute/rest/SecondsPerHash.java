package org.christchurchcall.hashmatch.compute.rest;

import org.christchurchcall.hashmatch.compute.service.VideoHashing;
import org.christchurchcall.platform.problem.ApiException;

/** The secondsPerHash query parameter of the upload endpoints: how often a video's frames are hashed. */
public final class SecondsPerHash {

    public static final String DESCRIPTION = "videos only: hash one frame every this many seconds, 0 for every "
            + "frame; default ccall.hashmatch.video-hashing.seconds-per-hash (1, as HMA), at most "
            + "ccall.hashmatch.video-hashing.max-seconds-per-hash (60). At 30 fps, 1 hashes frames 0, 30, 60, ...";

    private SecondsPerHash() {
    }

    /** The parameter's value, or the default when absent; 400 when it is not a number in range. */
    public static double parse(String value, VideoHashing videos) {
        if (value == null || value.isBlank()) {
            return videos.defaultSecondsPerHash();
        }
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0 && v <= videos.maxSecondsPerHash())) {
            throw ApiException.invalidField("secondsPerHash", "must be a number from 0 (every frame) to "
                    + videos.maxSecondsPerHash());
        }
        return v;
    }
}
