package org.christchurchcall.hashmatch.index;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of 256-bit hashes (four longs each, in any fixed bit order, e.g. {@code PdqHash.words()})
 * keyed by a caller-given {@code long} id, searchable by Hamming distance.
 */
public interface HashIndex {

    /** Adds the hash under {@code id}, or replaces the hash already stored under it. */
    void put(long id, long[] words);

    /** Removes {@code id}; returns whether it was present. */
    boolean remove(long id);

    boolean contains(long id);

    /** Number of ids stored. */
    long size();

    /**
     * Calls {@code collector} once for every stored hash within {@code maxDistance} (inclusive)
     * of {@code query}; returns the number of hits.
     */
    int search(long[] query, int maxDistance, MatchCollector collector);

    /** Every stored hash within {@code maxDistance} (inclusive), nearest first, then by id. */
    default List<Match> search(long[] query, int maxDistance) {
        List<Match> out = new ArrayList<>();
        search(query, maxDistance, (id, d) -> out.add(new Match(id, d)));
        out.sort(Match.BY_DISTANCE_THEN_ID);
        return out;
    }

    static void checkWords(long[] words) {
        if (words == null || words.length != 4) {
            throw new IllegalArgumentException("a 256-bit hash is 4 longs");
        }
    }

    static void checkDistance(int maxDistance) {
        if (maxDistance < 0 || maxDistance > 256) {
            throw new IllegalArgumentException("maxDistance must be 0..256");
        }
    }
}
