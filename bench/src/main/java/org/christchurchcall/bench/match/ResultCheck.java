package org.christchurchcall.bench.match;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Checks every hit of every query a path returned, round after round, and tallies what was wrong.
 * A result is taken as the list it is, so an id returned twice counts as a duplicate rather than
 * disappearing into a set.
 *
 * <ul>
 *   <li>false match: an id that is not stored (never added, or retracted), or whose true distance
 *       is over the threshold or differs from the reported one;
 *   <li>duplicate: every repetition of an id within one query's result;
 *   <li>missing: an expected id not returned: the brute-force answer where one is given (it holds
 *       the planted neighbours), else the planted neighbours.
 * </ul>
 */
final class ResultCheck {

    private final long[] words;
    private final long stored;
    private final BitSet retracted;
    private final int threshold;

    long queries;
    long hits;
    long falseMatches;
    long retractedReturned;
    long duplicates;
    long missing;
    long plantedTotal;
    long plantedFound;
    long truthTotal;
    long truthFound;

    /**
     * @param words 4 longs per id
     * @param stored ids {@code 0..stored-1} were written to the index
     * @param retracted the ids removed since
     */
    ResultCheck(long[] words, long stored, BitSet retracted, int threshold) {
        this.words = words;
        this.stored = stored;
        this.retracted = retracted;
        this.threshold = threshold;
    }

    /**
     * One query's result: the hits {@code from..to-1} of parallel ids and reported distances.
     *
     * @param planted the planted neighbours the result must hold
     * @param truth the sorted brute-force answer, or null where the query is not verified so
     */
    void check(long[] query, long[] ids, int[] distances, int from, int to, long[] planted, long[] truth) {
        int count = to - from;
        queries++;
        hits += count;
        long[] sorted = Arrays.copyOfRange(ids, from, to);
        Arrays.sort(sorted);
        for (int k = 1; k < count; k++) {
            if (sorted[k] == sorted[k - 1]) {
                duplicates++;
            }
        }
        for (int k = from; k < to; k++) {
            long id = ids[k];
            if (id < 0 || id >= stored || retracted.get((int) id)) {
                falseMatches++;
                if (id >= 0 && id < stored) {
                    retractedReturned++;
                }
            } else {
                int d = MatchData.distance(words, (int) id, query);
                if (d > threshold || d != distances[k]) {
                    falseMatches++;
                }
            }
        }
        for (long p : planted) {
            plantedTotal++;
            if (Arrays.binarySearch(sorted, p) >= 0) {
                plantedFound++;
            } else if (truth == null) {
                missing++;
            }
        }
        if (truth != null) {
            for (long t : truth) {
                truthTotal++;
                if (Arrays.binarySearch(sorted, t) >= 0) {
                    truthFound++;
                } else {
                    missing++;
                }
            }
        }
    }

    /** The lower of the planted-neighbour recall and the recall against brute force. */
    double recall() {
        double planted = plantedTotal == 0 ? 1.0 : (double) plantedFound / plantedTotal;
        double brute = truthTotal == 0 ? 1.0 : (double) truthFound / truthTotal;
        return Math.min(planted, brute);
    }

    double matchesPerQuery() {
        return queries == 0 ? 0 : (double) hits / queries;
    }

    /** Nothing false, duplicated or missing. */
    boolean clean() {
        return falseMatches == 0 && duplicates == 0 && missing == 0;
    }
}
