package org.christchurchcall.bench.match;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.christchurchcall.hashmatch.index.PdqIndex;

/**
 * The matching benchmarks' data, as in the faiss anchor ({@code shared/bench/faiss_bench.py}):
 * {@code n} hashes, uniformly random or, clustered, drawn around 3,000 centres (0..64 bits
 * flipped, queries 0..32 bits from a centre); for every query two planted neighbours at random
 * distances 0..threshold and one decoy at threshold+1..threshold+9 replace random rows. The id
 * of a hash is its row.
 *
 * <p>The writes that follow the build: {@code added} new rows (ids {@code n..n+added-1}), a
 * planted neighbour of query {@code i} at row {@code n + 2i} for the first {@code added / 2}
 * queries, and rows removed, among them the second planted neighbour of the first
 * {@code retractions / 2} queries. The expected answers of both states are kept.
 */
public final class MatchData {

    public final int n;
    public final int added;
    public final int threshold;
    /** 4 longs per row, {@code n + added} rows. */
    public final long[] words;
    public final long[][] queries;
    /** Per query, the planted ids the fresh index must return. */
    public final long[][] plantedFresh;
    /** Per query, the planted ids the index must return after the writes. */
    public final long[][] plantedWritten;
    /** The rows removed by the writes, in the order they are removed. */
    public final long[] retracted;
    public final BitSet retractedSet = new BitSet();

    public MatchData(int n, int q, boolean clustered, int threshold, long seed, double addedPct, double retractedPct) {
        if (3L * q > n) {
            throw new IllegalArgumentException("need at least 3 hashes per query");
        }
        this.n = n;
        this.threshold = threshold;
        this.added = (int) Math.round(n * addedPct / 100.0);
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] centres = new long[3000][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = random(rnd);
        }
        words = new long[4 * (n + added)];
        for (int i = 0; i < n; i++) {
            long[] h = clustered ? flip(rnd, centres[rnd.nextInt(centres.length)], rnd.nextInt(65)) : random(rnd);
            System.arraycopy(h, 0, words, 4 * i, 4);
        }
        queries = new long[q][];
        for (int i = 0; i < q; i++) {
            queries[i] = clustered ? flip(rnd, centres[rnd.nextInt(centres.length)], rnd.nextInt(33)) : random(rnd);
        }
        // plant: rows chosen without repetition by a partial Fisher-Yates shuffle
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        long[][] planted = new long[q][2];
        int next = 0;
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < 3; k++) {
                int j = next + rnd.nextInt(n - next);
                int row = rows[j];
                rows[j] = rows[next];
                rows[next++] = row;
                int d = k < 2 ? rnd.nextInt(threshold + 1) : threshold + 1 + rnd.nextInt(9);
                System.arraycopy(flip(rnd, queries[i], Math.min(d, 256)), 0, words, 4 * row, 4);
                if (k < 2) {
                    planted[i][k] = row;
                }
            }
        }
        plantedFresh = planted;

        // the writes, drawn after the base so that a seed gives the same base with or without them:
        // new rows (every other one a planted neighbour of the next query, so that the batch and the
        // single puts both carry some), retractions of planted rows first, then of unplanted ones
        for (int i = n; i < n + added; i++) {
            long[] h = clustered ? flip(rnd, centres[rnd.nextInt(centres.length)], rnd.nextInt(65)) : random(rnd);
            System.arraycopy(h, 0, words, 4 * i, 4);
        }
        int plantedAdds = Math.min(q, added / 2);
        for (int i = 0; i < plantedAdds; i++) {
            System.arraycopy(flip(rnd, queries[i], rnd.nextInt(threshold + 1)), 0, words, 4 * (n + 2 * i), 4);
        }
        int retractions = (int) Math.round(n * retractedPct / 100.0);
        int plantedRetractions = Math.min(q, retractions / 2);
        if (next == n) {
            retractions = plantedRetractions; // every row is planted: no unplanted one to retract
        }
        long[] out = new long[retractions];
        for (int i = 0; i < retractions; i++) {
            out[i] = i < plantedRetractions ? planted[i][1] : rows[next + rnd.nextInt(n - next)];
        }
        retracted = Arrays.stream(out).distinct().toArray();
        for (long id : retracted) {
            retractedSet.set((int) id);
        }
        plantedWritten = new long[q][];
        for (int i = 0; i < q; i++) {
            long[] p = Arrays.stream(planted[i]).filter(id -> !retractedSet.get((int) id)).toArray();
            if (i < plantedAdds) {
                p = Arrays.copyOf(p, p.length + 1);
                p[p.length - 1] = n + 2 * i;
            }
            plantedWritten[i] = p;
        }
    }

    /** The fresh index: every base row through one bulk build, as at start-up. */
    public PdqIndex build() {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        PdqIndex index = new PdqIndex();
        index.putAll(ids, Arrays.copyOf(words, 4 * n));
        return index;
    }

    /**
     * Applies the writes as the service's change-feed follower does: the first half of the added
     * rows as one batch (a bulk submission becomes one segment), the rest one put at a time with
     * the retractions interleaved.
     */
    public void applyWrites(PdqIndex index) {
        int bulk = added / 2;
        long[] ids = new long[bulk];
        for (int i = 0; i < bulk; i++) {
            ids[i] = n + i;
        }
        if (bulk > 0) {
            index.putAll(ids, Arrays.copyOfRange(words, 4 * n, 4 * (n + bulk)));
        }
        int singles = added - bulk;
        int r = 0;
        for (int i = 0; i < singles; i++) {
            int row = n + bulk + i;
            index.put(row, Arrays.copyOfRange(words, 4 * row, 4 * row + 4));
            // the retractions spread over the single puts
            long due = (long) (i + 1) * retracted.length / singles;
            while (r < due) {
                index.remove(retracted[r++]);
            }
        }
        while (r < retracted.length) {
            index.remove(retracted[r++]);
        }
    }

    /** Brute force over the rows a state holds: the sorted ids within the threshold of each of the first queries. */
    public long[][] truth(int verify, boolean written) {
        long[][] truth = new long[verify][];
        int rows = written ? n + added : n;
        for (int i = 0; i < verify; i++) {
            long[] q = queries[i];
            long[] hits = new long[16];
            int k = 0;
            for (int s = 0; s < rows; s++) {
                if (distance(words, s, q) <= threshold && !(written && retractedSet.get(s))) {
                    if (k == hits.length) {
                        hits = Arrays.copyOf(hits, 2 * k);
                    }
                    hits[k++] = s;
                }
            }
            truth[i] = Arrays.copyOf(hits, k);
        }
        return truth;
    }

    static int distance(long[] words, int row, long[] q) {
        int o = 4 * row;
        return Long.bitCount(words[o] ^ q[0]) + Long.bitCount(words[o + 1] ^ q[1])
                + Long.bitCount(words[o + 2] ^ q[2]) + Long.bitCount(words[o + 3] ^ q[3]);
    }

    private static long[] random(SplittableRandom rnd) {
        return new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
    }

    private static long[] flip(SplittableRandom rnd, long[] h, int d) {
        long[] out = h.clone();
        int flipped = 0;
        while (flipped < d) {
            int b = rnd.nextInt(256);
            long m = 1L << (b & 63);
            if (((out[b >>> 6] ^ h[b >>> 6]) & m) == 0) {
                out[b >>> 6] ^= m;
                flipped++;
            }
        }
        return out;
    }
}
