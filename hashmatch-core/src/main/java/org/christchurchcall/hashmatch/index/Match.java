package org.christchurchcall.hashmatch.index;

import java.util.Comparator;

/** One search hit: the caller's id of the stored hash and its Hamming distance to the query. */
public record Match(long id, int distance) {

    /** Nearest first, then by id, so results are deterministic. */
    public static final Comparator<Match> BY_DISTANCE_THEN_ID =
            Comparator.comparingInt(Match::distance).thenComparingLong(Match::id);
}
