package org.christchurchcall.hashmatch.hash.service;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.config.VideoLimitsConfig;
import org.christchurchcall.hashmatch.hash.HashType;
import org.christchurchcall.hashmatch.hash.VideoFrames;
import org.christchurchcall.hashmatch.hash.VideoInput;
import org.christchurchcall.hashmatch.hash.VideoInput.Invalid;
import org.christchurchcall.hashmatch.hash.VideoInput.Parsed;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.label.LabelTaxonomy;

/** Decides whether a submitted hash may be stored, and in which canonical form. */
@ApplicationScoped
public class SubmissionRules {

    static final int MAX_LABELS = 20;

    /** The outcome of the check: accepted in canonical form, or rejected with the reason. */
    public sealed interface Verdict permits Rejection, Accepted {
    }

    /** Why an item is refused; {@code unprocessable} marks a well-formed hash the policy refuses. */
    public record Rejection(String field, String message, boolean unprocessable) implements Verdict {
        public String reason() {
            return field + ": " + message;
        }
    }

    /**
     * A submission in canonical form: lower-case value, distinct sorted labels; for vpdq the frames
     * (timestamps to the millisecond), their digest as value and their quality share as quality.
     */
    public record Accepted(HashType type, String value, Integer quality, List<String> labels, HashSubmission source,
            List<VpdqFrame> frames) implements Verdict {
    }

    @Inject
    HashmatchConfig config;

    @Inject
    VideoLimitsConfig video;

    @Inject
    LabelTaxonomy taxonomy;

    public Verdict check(HashSubmission s) {
        if (s == null) {
            return new Rejection("item", "must not be null", false);
        }
        Optional<HashType> type = HashType.fromCode(s.type());
        if (type.isEmpty()) {
            return new Rejection("type", "must be one of " + HashType.CODES, false);
        }
        HashType t = type.get();
        Optional<String> value = t.frames() ? Optional.empty() : t.normalise(s.value());
        if (!t.frames() && value.isEmpty()) {
            return new Rejection("value", "a " + t.code() + " hash is " + t.formatHint(), false);
        }
        if (!t.frames() && s.frames() != null) {
            return new Rejection("frames", "apply to vpdq hashes only", false);
        }
        if (s.labels() == null || s.labels().isEmpty()) {
            return new Rejection("labels", "at least one label is required", false);
        }
        if (s.labels().size() > MAX_LABELS) {
            return new Rejection("labels", "at most " + MAX_LABELS + " labels", false);
        }
        List<String> unknown = taxonomy.unknown(s.labels());
        if (!unknown.isEmpty()) {
            return new Rejection("labels", "not in the taxonomy: " + String.join(", ", unknown), false);
        }
        if (s.confidence() != null && (s.confidence() < 0 || s.confidence() > 100)) {
            return new Rejection("confidence", "must be between 0 and 100", false);
        }
        if (t.perceptual()) {
            if (s.quality() == null) {
                return new Rejection("quality", "is required for a pdq hash (the quality its hasher reported)", false);
            }
            if (s.quality() < 0 || s.quality() > 100) {
                return new Rejection("quality", "must be between 0 and 100", false);
            }
            if (s.quality() < config.minQuality()) {
                return new Rejection("quality", "quality " + s.quality() + " is below the minimum of "
                        + config.minQuality() + ": the image has too little structure to match reliably", true);
            }
        } else if (s.quality() != null) {
            return new Rejection("quality", t.frames() ? "of a vpdq hash is worked out from its frames; send none"
                    : "applies to pdq hashes only", false);
        }
        List<String> labels = List.copyOf(new TreeSet<>(s.labels()));
        if (!t.frames()) {
            return new Accepted(t, value.get(), s.quality(), labels, s, null);
        }
        VideoInput.Result frames = VideoInput.parse(s.frames(), s.value(), limits());
        if (frames instanceof Invalid invalid) {
            return new Rejection(invalid.field(), invalid.message(), false);
        }
        List<VpdqFrame> parsed = ((Parsed) frames).frames();
        int share = VideoFrames.qualityShare(parsed, config.minQuality());
        if (share == 0) {
            return new Rejection("frames", "no frame has a quality of " + config.minQuality()
                    + " or more: the video has too little structure to match reliably", true);
        }
        return new Accepted(t, VideoFrames.digest(parsed), share, labels, s, parsed);
    }

    /** The video limits in force. */
    public VideoInput.Limits limits() {
        return new VideoInput.Limits(video.maxFrames(), video.maxDuration().toMillis() / 1000.0);
    }

    /** Frames in a submission, counted without checking them (for the per-request limit). */
    public static int frameCount(HashSubmission s) {
        if (s == null) {
            return 0;
        }
        return s.frames() != null ? s.frames().size() : "vpdq".equals(s.type()) ? VideoInput.count(null, s.value()) : 0;
    }
}
