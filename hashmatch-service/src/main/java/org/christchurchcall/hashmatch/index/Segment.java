package org.christchurchcall.hashmatch.index;

import static org.christchurchcall.hashmatch.index.Chunking.CHUNKS;
import static org.christchurchcall.hashmatch.index.Chunking.WIDTH;

import java.util.Map;

/**
 * An immutable slice of the index: hashes and ids in flat arrays, sorted by id, plus for each of
 * the 11 chunks a compressed-sparse-row table from the chunk's top {@code p} bits (the directory)
 * to postings. A posting is one int: the slot number shifted left by the chunk's remaining
 * {@code s = width - p} bits, which hold those low bits of the chunk value, so most candidates
 * are rejected by a test on the posting itself before their full hash is fetched from memory.
 *
 * <p>A segment is either the base (no per-slot sequence numbers; an entry is live unless a write
 * newer than {@link #baseSeq} mentions its id) or a small segment (each slot carries the write's
 * sequence number; it is live while it is the latest write of its id).
 */
final class Segment {

    /** Largest supported segment: slot numbers must fit beside the suffix bits in an int. */
    static final int MAX_SIZE = 1 << 28;

    final int n;
    final long[] words;
    final long[] ids;
    final long[] seqs;
    final long baseSeq;
    final int p;
    private final int[][] dir;
    private final int[][] post;

    private Segment(int n, long[] words, long[] ids, long[] seqs, long baseSeq, int p,
            int[][] dir, int[][] post) {
        this.n = n;
        this.words = words;
        this.ids = ids;
        this.seqs = seqs;
        this.baseSeq = baseSeq;
        this.p = p;
        this.dir = dir;
        this.post = post;
    }

    static Segment empty(long baseSeq) {
        return build(new long[0], new long[0], null, 0, baseSeq);
    }

    boolean isBase() {
        return seqs == null;
    }

    /** Directory bits: about four postings per bucket, 16 to 2^20 buckets per chunk. */
    static int directoryBits(int n) {
        int log = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
        return Math.max(4, Math.min(20, log - 2));
    }

    /**
     * Builds a segment over the first {@code n} entries. {@code ids} must be ascending and
     * unique; the arrays are taken over, not copied. {@code seqs == null} makes a base segment.
     */
    static Segment build(long[] ids, long[] words, long[] seqs, int n, long baseSeq) {
        if (n > MAX_SIZE) {
            throw new IllegalArgumentException("segment larger than " + MAX_SIZE);
        }
        int p = directoryBits(n);
        int buckets = 1 << p;
        int[][] dir = new int[CHUNKS][];
        int[][] post = new int[CHUNKS][];
        int[] fill = new int[buckets];
        for (int c = 0; c < CHUNKS; c++) {
            int s = WIDTH[c] - p;
            int suffixMask = (1 << s) - 1;
            int[] d = new int[buckets + 1];
            for (int i = 0, o = 0; i < n; i++, o += 4) {
                d[(Chunking.chunk(words, o, c) >>> s) + 1]++;
            }
            for (int b = 0; b < buckets; b++) {
                d[b + 1] += d[b];
            }
            System.arraycopy(d, 0, fill, 0, buckets);
            int[] ps = new int[n];
            for (int i = 0, o = 0; i < n; i++, o += 4) {
                int v = Chunking.chunk(words, o, c);
                ps[fill[v >>> s]++] = (i << s) | (v & suffixMask);
            }
            dir[c] = d;
            post[c] = ps;
        }
        long[] w = words.length == 4L * n ? words : java.util.Arrays.copyOf(words, 4 * n);
        long[] i2 = ids.length == n ? ids : java.util.Arrays.copyOf(ids, n);
        long[] s2 = seqs == null || seqs.length == n ? seqs : java.util.Arrays.copyOf(seqs, n);
        return new Segment(n, w, i2, s2, baseSeq, p, dir, post);
    }

    /** Slot of {@code id}, or a negative number. */
    int slotOf(long id) {
        return java.util.Arrays.binarySearch(ids, 0, n, id);
    }

    /**
     * Whether the entry in {@code slot} is the current version of its id, given the ids written
     * since the base was built ({@code recent}: id to sequence number, negative for a removal).
     */
    boolean live(int slot, Map<Long, Long> recent) {
        if (seqs == null) {
            if (recent.isEmpty()) {
                return true;
            }
            Long e = recent.get(ids[slot]);
            return e == null || Math.abs(e) <= baseSeq;
        }
        Long e = recent.get(ids[slot]);
        return e != null && e == seqs[slot];
    }

    long bytes() {
        long b = 8L * words.length + 8L * ids.length + (seqs == null ? 0 : 8L * seqs.length);
        for (int c = 0; c < CHUNKS; c++) {
            b += 4L * dir[c].length + 4L * post[c].length;
        }
        return b;
    }

    /** Reports live entries within {@code maxDistance}; returns how many. */
    int search(long[] q, int[] qChunks, int maxDistance, Map<Long, Long> recent,
            MatchCollector out) {
        if (n == 0) {
            return 0;
        }
        int r = Chunking.radius(maxDistance);
        if (r > Chunking.MAX_PROBE_RADIUS || n < 256) {
            return scan(q, maxDistance, recent, out);
        }
        int hits = 0;
        int p = this.p;
        for (int c = 0; c < CHUNKS; c++) {
            int s = WIDTH[c] - p;
            int suffixMask = (1 << s) - 1;
            int qc = qChunks[c];
            int qp = qc >>> s;
            int qs = qc & suffixMask;
            int[] d = dir[c];
            int[] ps = post[c];
            hits += bucket(d, ps, qp, qs, s, suffixMask, r, c, r, q, maxDistance, recent, out);
            if (r == 0) {
                continue;
            }
            for (int a = 0; a < p; a++) {
                int pa = qp ^ (1 << a);
                hits += bucket(d, ps, pa, qs, s, suffixMask, r - 1, c, r, q, maxDistance, recent, out);
                if (r == 1) {
                    continue;
                }
                for (int b = a + 1; b < p; b++) {
                    int pb = pa ^ (1 << b);
                    hits += bucket(d, ps, pb, qs, s, suffixMask, r - 2, c, r, q, maxDistance, recent, out);
                    if (r == 2) {
                        continue;
                    }
                    for (int e = b + 1; e < p; e++) {
                        hits += bucket(d, ps, pb ^ (1 << e), qs, s, suffixMask, r - 3, c, r, q,
                                maxDistance, recent, out);
                    }
                }
            }
        }
        return hits;
    }

    private int bucket(int[] d, int[] ps, int prefix, int qs, int s, int suffixMask, int suffixLimit,
            int c, int r, long[] q, int maxDistance, Map<Long, Long> recent, MatchCollector out) {
        int from = d[prefix];
        int to = d[prefix + 1];
        int hits = 0;
        for (int k = from; k < to; k++) {
            int e = ps[k];
            if (Integer.bitCount((e ^ qs) & suffixMask) <= suffixLimit) {
                hits += verify(e >>> s, c, r, q, maxDistance, recent, out);
            }
        }
        return hits;
    }

    private int verify(int slot, int c, int r, long[] q, int maxDistance, Map<Long, Long> recent,
            MatchCollector out) {
        int o = slot << 2;
        long x0 = words[o] ^ q[0];
        long x1 = words[o + 1] ^ q[1];
        long x2 = words[o + 2] ^ q[2];
        long x3 = words[o + 3] ^ q[3];
        int dist = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
        if (dist > maxDistance) {
            return 0;
        }
        // A hash close in several chunks is met once per chunk: report it only from the first
        // chunk that is within the radius, which is always probed.
        for (int cc = 0; cc < c; cc++) {
            if (Chunking.chunkDistance(x0, x1, x2, x3, cc) <= r) {
                return 0;
            }
        }
        if (!live(slot, recent)) {
            return 0;
        }
        out.accept(ids[slot], dist);
        return 1;
    }

    /** Linear scan: for tiny segments and for thresholds past the probing limit. */
    int scan(long[] q, int maxDistance, Map<Long, Long> recent, MatchCollector out) {
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
        long[] w = words;
        int hits = 0;
        for (int i = 0, o = 0; i < n; i++, o += 4) {
            int dist = Long.bitCount(w[o] ^ q0) + Long.bitCount(w[o + 1] ^ q1)
                    + Long.bitCount(w[o + 2] ^ q2) + Long.bitCount(w[o + 3] ^ q3);
            if (dist <= maxDistance && live(i, recent)) {
                out.accept(ids[i], dist);
                hits++;
            }
        }
        return hits;
    }
}
