package org.christchurchcall.hashmatch.index;

import static org.christchurchcall.hashmatch.index.Chunking.CHUNKS;
import static org.christchurchcall.hashmatch.index.Chunking.WIDTH;

import java.util.Map;

/**
 * An immutable slice of the index: hashes and ids in flat arrays, sorted by id, plus for each of
 * the 11 chunks a compressed-sparse-row table from the chunk's top {@code p} bits (the directory)
 * to postings. The postings of a chunk are two parallel arrays in directory order: {@code low}, one
 * byte per posting holding the low 8 bits of the chunk value, and {@code slot}, the entry's slot.
 * A probe scans a short contiguous run of {@code low} bytes (about 16 at a million hashes, a
 * quarter of a cache line) and compares the suffix, eight postings per SWAR step: by equality for
 * the probes whose radius is spent on the directory bits (most of them), by popcount otherwise.
 * The scan always covers a fixed window of four words from the run's first word, masked to the
 * run, so the common case has no data-dependent loop; longer runs finish in a tail loop. Only the
 * few postings that pass have their slot read and their full hash fetched.
 *
 * <p>Why this layout: at a million hashes the directory on 16 bits is 256 KB per chunk (it stays
 * in the caches), and the byte postings are 1 MB per chunk, so a query touches about one cache
 * line per probe, against two (directory and int posting) in a layout with a larger directory.
 *
 * <p>A segment is either the base (no per-slot sequence numbers; an entry is live unless a write
 * newer than {@link #baseSeq} mentions its id) or a small segment (each slot carries the write's
 * sequence number; it is live while it is the latest write of its id).
 *
 * <p>Over 300 lines on purpose: building, probing and merging all read and write the same packed
 * arrays, so the layout is defined in one place.
 */
final class Segment {

    /** Largest supported segment. */
    static final int MAX_SIZE = 1 << 28;

    static final int DIR_OFFSET = Integer.getInteger("pdq.index.dirOffset", 4);

    final int n;
    final long[] words;
    final long[] ids;
    final long[] seqs;
    final long baseSeq;
    final int p;
    private final int[][] dir;
    /** Per chunk, the low byte of posting k's chunk value at bits 8 * (k % 8) of long k / 8. */
    private final long[][] low;
    private final int[][] slot;

    private Segment(int n, long[] words, long[] ids, long[] seqs, long baseSeq, int p,
            int[][] dir, long[][] low, int[][] slot) {
        this.n = n;
        this.words = words;
        this.ids = ids;
        this.seqs = seqs;
        this.baseSeq = baseSeq;
        this.p = p;
        this.dir = dir;
        this.low = low;
        this.slot = slot;
    }

    static Segment empty(long baseSeq) {
        return build(new long[0], new long[0], null, 0, baseSeq);
    }

    boolean isBase() {
        return seqs == null;
    }

    /**
     * Directory bits: about sixteen postings per bucket (a run of 16 bytes), 16 to 2^20 buckets
     * per chunk (2^16 at a million hashes, 2^20 from about sixteen million).
     */
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
        long[][] low = new long[CHUNKS][];
        int[][] slot = new int[CHUNKS][];
        int[] fill = new int[buckets];
        for (int c = 0; c < CHUNKS; c++) {
            int s = WIDTH[c] - p;
            int[] d = new int[buckets + 1];
            for (int i = 0, o = 0; i < n; i++, o += 4) {
                d[(Chunking.chunk(words, o, c) >>> s) + 1]++;
            }
            for (int b = 0; b < buckets; b++) {
                d[b + 1] += d[b];
            }
            System.arraycopy(d, 0, fill, 0, buckets);
            long[] lo = new long[((n + 7) >>> 3) + 4];
            int[] sl = new int[n];
            for (int i = 0, o = 0; i < n; i++, o += 4) {
                int v = Chunking.chunk(words, o, c);
                int k = fill[v >>> s]++;
                lo[k >>> 3] |= (long) (v & 0xFF) << ((k & 7) << 3);
                sl[k] = i;
            }
            dir[c] = d;
            low[c] = lo;
            slot[c] = sl;
        }
        long[] w = words.length == 4L * n ? words : java.util.Arrays.copyOf(words, 4 * n);
        long[] i2 = ids.length == n ? ids : java.util.Arrays.copyOf(ids, n);
        long[] s2 = seqs == null || seqs.length == n ? seqs : java.util.Arrays.copyOf(seqs, n);
        return new Segment(n, w, i2, s2, baseSeq, p, dir, low, slot);
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
            b += 4L * dir[c].length + 8L * low[c].length + 4L * slot[c].length;
        }
        return b;
    }

    /** Per-thread buffers for the staged search, so a query allocates nothing large. */
    static final class Scratch {
        int[] lo = new int[0];
        int[] hi = new int[0];
        int[] cand = new int[1024];
        int[] chunkEnd = new int[CHUNKS];
        int[] radii = new int[CHUNKS];
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
            // by flipped bits (equal suffix limits run together, so the filter branch predicts), then
            // ascending masks (probes that flip only low directory bits land next to each other)
            out.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
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
     * directory reads for all chunks (independent loads, mostly cache hits), then one touch of
     * every run's four-word window, then the byte scans that keep postings passing the suffix test,
     * then the slot reads of those postings, and last the full-distance checks. Interleaving these
     * per probe would serialise the misses.
     */
    int search(long[] q, int[] qChunks, int maxDistance, Map<Long, Long> recent,
            MatchCollector out) {
        if (n == 0) {
            return 0;
        }
        Scratch sc = SCRATCH.get();
        int[] radii = sc.radii;
        int maxR = Chunking.radii(maxDistance, radii);
        if (maxR > Chunking.MAX_PROBE_RADIUS || n < 256) {
            return scan(q, maxDistance, recent, out);
        }
        int total = 0;
        for (int c = 0; c < CHUNKS; c++) {
            total += probes(radii[c]).masks.length;
        }
        sc.ensureProbes(total);
        int[] lo = sc.lo;
        int[] hi = sc.hi;
        int p = this.p;
        for (int c = 0, j = 0; c < CHUNKS; c++) {
            int[] d = dir[c];
            int[] masks = probes(radii[c]).masks;
            int qp = qChunks[c] >>> (WIDTH[c] - p);
            for (int i = 0; i < masks.length; i++, j++) {
                int b = qp ^ masks[i];
                lo[j] = d[b];
                hi[j] = d[b + 1];
            }
        }
        int sink = 0;
        for (int c = 0, j = 0; c < CHUNKS; c++) {
            long[] lw = low[c];
            for (int i = 0, np = probes(radii[c]).masks.length; i < np; i++, j++) {
                // the first and last word of the run (a run of 16 bytes crosses a line often)
                int w0 = lo[j] >>> 3;
                sink += (int) lw[w0] + (int) lw[w0 + 3];
            }
        }
        int nc = 0;
        int[] chunkEnd = sc.chunkEnd;
        for (int c = 0, j = 0; c < CHUNKS; c++) {
            int[] limits = probes(radii[c]).limits;
            int np = limits.length;
            int sum = 0;
            for (int i = 0; i < np; i++) {
                sum += hi[j + i] - lo[j + i];
            }
            sc.ensureCandidates(nc + sum);
            int[] cand = sc.cand;
            long[] lw = low[c];
            int s = Math.min(8, WIDTH[c] - p);
            long suffixMask = BYTES_1 * ((1 << s) - 1);
            long qs = BYTES_1 * (qChunks[c] & 0xFF);
            for (int i = 0; i < np; i++, j++) {
                int k0 = lo[j];
                int k1 = hi[j];
                int lim = limits[i];
                int w0 = k0 >>> 3;
                int end = k1 - (w0 << 3);
                int e4 = Math.min(end, 32) << 2;
                long start = -1L << ((k0 & 7) << 3);
                long z0, z1, z2, z3;
                if (lim == 0) {
                    z0 = lowEqual(lw[w0], qs, suffixMask) & start & END[e4];
                    z1 = lowEqual(lw[w0 + 1], qs, suffixMask) & END[e4 + 1];
                    z2 = lowEqual(lw[w0 + 2], qs, suffixMask) & END[e4 + 2];
                    z3 = lowEqual(lw[w0 + 3], qs, suffixMask) & END[e4 + 3];
                } else {
                    long limit = BYTES_1 * (127 - lim);
                    z0 = lowWithin(lw[w0], qs, suffixMask, limit) & start & END[e4];
                    z1 = lowWithin(lw[w0 + 1], qs, suffixMask, limit) & END[e4 + 1];
                    z2 = lowWithin(lw[w0 + 2], qs, suffixMask, limit) & END[e4 + 2];
                    z3 = lowWithin(lw[w0 + 3], qs, suffixMask, limit) & END[e4 + 3];
                }
                if ((z0 | z1 | z2 | z3) != 0) {
                    int base = w0 << 3;
                    nc = emit(cand, nc, z0, base);
                    nc = emit(cand, nc, z1, base + 8);
                    nc = emit(cand, nc, z2, base + 16);
                    nc = emit(cand, nc, z3, base + 24);
                }
                if (end > 32) {
                    nc = scanTail(lw, w0 + 4, k1, qs, suffixMask, lim, cand, nc);
                }
            }
            chunkEnd[c] = nc;
        }
        int[] cand = sc.cand;
        for (int c = 0, k = 0; c < CHUNKS; c++) {
            int[] sl = slot[c];
            for (int e = chunkEnd[c]; k < e; k++) {
                cand[k] = sl[cand[k]];
            }
        }
        long[] w = words;
        for (int k = 0; k < nc; k++) {
            sink += (int) w[cand[k] << 2];
        }
        sc.sink = sink;
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
        int hits = 0;
        for (int c = 0, k = 0; c < CHUNKS; c++) {
            for (int e = chunkEnd[c]; k < e; k++) {
                int o = cand[k] << 2;
                long x0 = w[o] ^ q0;
                long x1 = w[o + 1] ^ q1;
                long x2 = w[o + 2] ^ q2;
                long x3 = w[o + 3] ^ q3;
                int dist = Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
                if (dist <= maxDistance && firstChunkWithin(x0, x1, x2, x3, c, radii)
                        && live(cand[k], recent)) {
                    out.accept(ids[cand[k]], dist);
                    hits++;
                }
            }
        }
        return hits;
    }

    /** Bytes of a word whose index is below {@code end} (clamped to 0..8). */
    private static long endMask(int end) {
        int e = Math.max(0, Math.min(8, end)) << 2;
        return ~((-1L << e) << e);
    }

    /** END[4 * e + t]: bytes of word t (0..3) of a 4-word window whose index is below e (0..32). */
    private static final long[] END = new long[4 * 33];

    static {
        for (int e = 0; e <= 32; e++) {
            for (int t = 0; t < 4; t++) {
                END[4 * e + t] = endMask(e - 8 * t);
            }
        }
    }

    /** Bit 7 of byte i set when byte i of {@code lows} equals the query's byte under the mask. */
    private static long lowEqual(long lows, long qs, long suffixMask) {
        long x = (lows ^ qs) & suffixMask;
        return ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x) & HIGH_BITS;
    }

    private static int emit(int[] cand, int nc, long z, int base) {
        while (z != 0) {
            cand[nc++] = base + (Long.numberOfTrailingZeros(z) >>> 3);
            z &= z - 1;
        }
        return nc;
    }

    private static int scanTail(long[] lw, int wi, int k1, long qs, long suffixMask, int lim, int[] cand, int nc) {
        long limit = BYTES_1 * (127 - lim);
        for (int w1 = (k1 - 1) >>> 3; wi <= w1; wi++) {
            long z = lowWithin(lw[wi], qs, suffixMask, limit) & endMask(k1 - (wi << 3));
            nc = emit(cand, nc, z, wi << 3);
        }
        return nc;
    }

    private static final long BYTES_1 = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * SWAR over eight postings: bit 7 of byte i of the result is set when byte i of {@code lows},
     * XOR the query's byte, masked, has at most {@code 127 - limit byte} bits set. The byte
     * popcounts are 0..8, so adding {@code 127 - lim} sets a byte's top bit exactly when its count
     * exceeds {@code lim}, with no carry into the next byte.
     */
    private static long lowWithin(long lows, long qs, long suffixMask, long limit) {
        long x = (lows ^ qs) & suffixMask;
        x = x - ((x >>> 1) & 0x5555555555555555L);
        x = (x & 0x3333333333333333L) + ((x >>> 2) & 0x3333333333333333L);
        x = (x + (x >>> 4)) & 0x0F0F0F0F0F0F0F0FL;
        return ~(x + limit) & HIGH_BITS;
    }

    /**
     * A hash close in several chunks is met once per such chunk: it is reported only from the
     * first chunk within that chunk's radius, which is always probed. The byte filter sees only
     * the low 8 bits of a chunk, so where a chunk has more suffix bits (small segments) a hash can
     * also be met from a chunk it is not within the radius of: that meeting is not reported.
     */
    private static boolean firstChunkWithin(long x0, long x1, long x2, long x3, int c, int[] radii) {
        if (Chunking.chunkDistance(x0, x1, x2, x3, c) > radii[c]) {
            return false;
        }
        for (int cc = 0; cc < c; cc++) {
            if (Chunking.chunkDistance(x0, x1, x2, x3, cc) <= radii[cc]) {
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
