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

    static final int DIR_OFFSET = Integer.getInteger("pdq.index.dirOffset", 2);

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
        return Math.max(4, Math.min(20, log - DIR_OFFSET));
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

    /** Per-thread buffers for the staged search, so a query allocates nothing large. */
    static final class Scratch {
        int[] lo = new int[0];
        int[] hi = new int[0];
        int[] cand = new int[1024];
        int[] chunkEnd = new int[CHUNKS];
        int sink;

        void ensureProbes(int n) {
            if (lo.length < n) {
                lo = new int[n];
                hi = new int[n];
            }
        }

        void ensureCandidates(int n) {
            if (cand.length < n) {
                cand = java.util.Arrays.copyOf(cand, Math.max(n, 2 * cand.length));
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Probe patterns for (p, r): XOR masks over the p directory bits, and each one's suffix limit. */
    private static final class Probes {
        final int[] masks;
        final int[] limits;

        Probes(int p, int r) {
            java.util.List<int[]> out = new java.util.ArrayList<>();
            enumerate(p, r, 0, 0, 0, out);
            masks = new int[out.size()];
            limits = new int[out.size()];
            for (int i = 0; i < masks.length; i++) {
                masks[i] = out.get(i)[0];
                limits[i] = r - out.get(i)[1];
            }
        }

        private static void enumerate(int p, int r, int from, int mask, int bits, java.util.List<int[]> out) {
            out.add(new int[] {mask, bits});
            if (bits == r) {
                return;
            }
            for (int b = from; b < p; b++) {
                enumerate(p, r, b + 1, mask | (1 << b), bits + 1, out);
            }
        }
    }

    private final Probes[] probes = new Probes[Chunking.MAX_PROBE_RADIUS + 1];

    private Probes probes(int r) {
        Probes pr = probes[r];
        if (pr == null) {
            pr = new Probes(p, r);
            probes[r] = pr; // benign race: equal values
        }
        return pr;
    }

    /**
     * Reports live entries within {@code maxDistance}; returns how many.
     *
     * <p>The work is staged so that the CPU can keep many cache misses in flight: first all
     * directory reads for all chunks (independent loads), then one touch of every bucket's first
     * posting, then the posting scans that keep candidates passing the suffix test, and last the
     * full-distance checks. Interleaving these per probe would serialise the misses.
     */
    int search(long[] q, int[] qChunks, int maxDistance, Map<Long, Long> recent,
            MatchCollector out) {
        if (n == 0) {
            return 0;
        }
        int r = Chunking.radius(maxDistance);
        if (r > Chunking.MAX_PROBE_RADIUS || n < 256) {
            return scan(q, maxDistance, recent, out);
        }
        Probes pr = probes(r);
        int[] masks = pr.masks;
        int[] limits = pr.limits;
        int np = masks.length;
        Scratch sc = SCRATCH.get();
        sc.ensureProbes(np * CHUNKS);
        int[] lo = sc.lo;
        int[] hi = sc.hi;
        int p = this.p;
        for (int c = 0, j = 0; c < CHUNKS; c++) {
            int[] d = dir[c];
            int qp = qChunks[c] >>> (WIDTH[c] - p);
            for (int i = 0; i < np; i++, j++) {
                int b = qp ^ masks[i];
                lo[j] = d[b];
                hi[j] = d[b + 1];
            }
        }
        int sink = 0;
        int last = n - 1;
        for (int c = 0, j = 0; c < CHUNKS; c++) {
            int[] ps = post[c];
            for (int i = 0; i < np; i++, j++) {
                sink += ps[Math.min(lo[j], last)];
            }
        }
        sc.sink = sink;
        int nc = 0;
        int[] chunkEnd = sc.chunkEnd;
        for (int c = 0, j = 0; c < CHUNKS; c++) {
            int total = 0;
            for (int i = 0; i < np; i++) {
                total += hi[j + i] - lo[j + i];
            }
            sc.ensureCandidates(nc + total);
            int[] cand = sc.cand;
            int[] ps = post[c];
            int s = WIDTH[c] - p;
            int suffixMask = (1 << s) - 1;
            int qs = qChunks[c] & suffixMask;
            for (int i = 0; i < np; i++, j++) {
                int lim = limits[i];
                for (int k = lo[j], e = hi[j]; k < e; k++) {
                    int v = ps[k];
                    cand[nc] = v >>> s;
                    nc += Integer.bitCount((v ^ qs) & suffixMask) <= lim ? 1 : 0;
                }
            }
            chunkEnd[c] = nc;
        }
        int[] cand = sc.cand;
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
        long[] w = words;
        int hits = 0;
        for (int c = 0, k = 0; c < CHUNKS; c++) {
            for (int e = chunkEnd[c]; k < e; k++) {
                int o = cand[k] << 2;
                long x0 = w[o] ^ q0;
                long x1 = w[o + 1] ^ q1;
                long x2 = w[o + 2] ^ q2;
                long x3 = w[o + 3] ^ q3;
                int dist = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
                if (dist <= maxDistance && firstChunkWithin(x0, x1, x2, x3, c, r)
                        && live(cand[k], recent)) {
                    out.accept(ids[cand[k]], dist);
                    hits++;
                }
            }
        }
        return hits;
    }

    /**
     * A hash close in several chunks is met once per such chunk: it is reported only from the
     * first chunk within the radius, which is always probed.
     */
    private static boolean firstChunkWithin(long x0, long x1, long x2, long x3, int c, int r) {
        for (int cc = 0; cc < c; cc++) {
            if (Chunking.chunkDistance(x0, x1, x2, x3, cc) <= r) {
                return false;
            }
        }
        return true;
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
