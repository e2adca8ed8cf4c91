package org.christchurchcall.hashmatch.video;

import java.util.Arrays;
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
        long[] q = filter(query, minQuality, rule == Rule.HMA);
        long[] t = filter(target, minQuality, rule == Rule.HMA);
        if (q.length == 0 || t.length == 0) {
            return new Score(0, 0);
        }
        // the reference tests d < maxDistance, HMA d <= maxDistance
        int limit = rule == Rule.REFERENCE ? maxDistance - 1 : maxDistance;
        return new Score(100.0 * matched(q, t, limit) / (q.length / 4), 100.0 * matched(t, q, limit) / (t.length / 4));
    }

    /** The kept frames' hashes, 4 words each. HMA's order: unique by hash (first occurrence), then quality. */
    static long[] filter(List<VpdqFrame> frames, int minQuality, boolean dedupe) {
        long[] out = new long[4 * frames.size()];
        Set<PdqHash> seen = dedupe ? new HashSet<>() : null;
        int n = 0;
        for (VpdqFrame f : frames) {
            if (seen != null && !seen.add(f.hash())) {
                continue;
            }
            if (f.quality() >= minQuality) {
                for (int w = 0; w < 4; w++) {
                    out[n++] = f.hash().word(w);
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** How many hashes of {@code from} have one in {@code other} within {@code limit}. */
    private static int matched(long[] from, long[] other, int limit) {
        int n = 0;
        for (int i = 0; i < from.length; i += 4) {
            long a0 = from[i], a1 = from[i + 1], a2 = from[i + 2], a3 = from[i + 3];
            for (int j = 0; j < other.length; j += 4) {
                int d = Long.bitCount(a0 ^ other[j]) + Long.bitCount(a1 ^ other[j + 1])
                        + Long.bitCount(a2 ^ other[j + 2]) + Long.bitCount(a3 ^ other[j + 3]);
                if (d <= limit) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
