package org.christchurchcall.hashmatch.video;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.christchurchcall.hashmatch.pdq.PdqHash;

/**
 * The brute-force comparison of two vPDQ frame lists (every frame against every frame), under
 * either of the two published rules (see {@code shared/data/vpdq/README.md}, "Matching"). It is
 * the definition {@link VideoIndex#match} is tested against, not the fast path.
 */
public final class VpdqRules {

    private VpdqRules() {
    }

    /** Which published rule to apply. */
    public enum Rule {
        /**
         * Meta's {@code match-hashes-brute} ({@code matchTwoHash.cpp}): keep quality &ge;
         * minQuality, duplicates kept, a frame matches when some frame of the other list is at
         * distance strictly below {@code maxDistance}.
         */
        REFERENCE,
        /**
         * python-threatexchange's {@code vpdq_brute_matcher} (HMA): dedupe by exact hash first
         * (first occurrence kept), then keep quality &ge; minQuality, a frame matches at distance
         * &le; {@code maxDistance}.
         */
        HMA
    }

    /**
     * Percentages of each side's (filtered) frames that have a match on the other side.
     *
     * @param queryPercent {@code 100 * matched query frames / filtered query frames}
     * @param targetPercent {@code 100 * matched target frames / filtered target frames}
     */
    public record Score(double queryPercent, double targetPercent) {
    }

    /**
     * Compares {@code query} with {@code target} under {@code rule}. If either list is empty after
     * filtering, both percentages are 0 (as the reference prints them).
     */
    public static Score compare(List<VpdqFrame> query, List<VpdqFrame> target, int maxDistance, int minQuality,
            Rule rule) {
        if (maxDistance < 0 || maxDistance > 256) {
            throw new IllegalArgumentException("maxDistance must be 0..256");
        }
        List<PdqHash> q = filter(query, minQuality, rule == Rule.HMA);
        List<PdqHash> t = filter(target, minQuality, rule == Rule.HMA);
        if (q.isEmpty() || t.isEmpty()) {
            return new Score(0, 0);
        }
        // the reference tests d < maxDistance, HMA d <= maxDistance
        int limit = rule == Rule.REFERENCE ? maxDistance - 1 : maxDistance;
        return new Score(100.0 * matched(q, t, limit) / q.size(), 100.0 * matched(t, q, limit) / t.size());
    }

    /** HMA's order: unique by hash (first occurrence), then the quality filter. */
    static List<PdqHash> filter(List<VpdqFrame> frames, int minQuality, boolean dedupe) {
        List<PdqHash> out = new ArrayList<>(frames.size());
        Set<PdqHash> seen = dedupe ? new HashSet<>() : null;
        for (VpdqFrame f : frames) {
            if (seen != null && !seen.add(f.hash())) {
                continue;
            }
            if (f.quality() >= minQuality) {
                out.add(f.hash());
            }
        }
        return out;
    }

    private static int matched(List<PdqHash> from, List<PdqHash> other, int limit) {
        int n = 0;
        for (PdqHash a : from) {
            for (PdqHash b : other) {
                if (a.distance(b) <= limit) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
