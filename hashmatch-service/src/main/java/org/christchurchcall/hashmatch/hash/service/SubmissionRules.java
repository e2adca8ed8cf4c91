package org.christchurchcall.hashmatch.hash.service;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.hash.HashType;
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

    /** A submission in canonical form: lower-case value, distinct sorted labels. */
    public record Accepted(HashType type, String value, Integer quality, List<String> labels, HashSubmission source) implements Verdict {
    }

    @Inject
    HashmatchConfig config;

    @Inject
    LabelTaxonomy taxonomy;

    public Verdict check(HashSubmission s) {
        if (s == null) {
            return new Rejection("item", "must not be null", false);
        }
        Optional<HashType> type = HashType.fromCode(s.type());
        if (type.isEmpty()) {
            return new Rejection("type", "must be one of pdq, md5, sha256", false);
        }
        HashType t = type.get();
        Optional<String> value = t.normalise(s.value());
        if (value.isEmpty()) {
            return new Rejection("value", "a " + t.code() + " hash is " + t.formatHint(), false);
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
            return new Rejection("quality", "applies to pdq hashes only", false);
        }
        return new Accepted(t, value.get(), s.quality(), List.copyOf(new TreeSet<>(s.labels())), s);
    }
}
