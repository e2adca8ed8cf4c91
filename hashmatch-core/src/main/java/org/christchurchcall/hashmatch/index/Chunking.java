package org.christchurchcall.hashmatch.index;

/**
 * The split of 256 bits into 11 chunks (3 of 24 bits, then 8 of 23) used by the multi-index.
 *
 * <p>Why 11: if two hashes differ in at most {@code D} bits, some chunk differs in at most
 * {@code r = D / 11} bits (pigeonhole: 11 chunks each differing in {@code r + 1} or more bits
 * would make at least {@code 11 (r + 1) > D}). For the usual threshold 31, r = 2, so probing every
 * chunk value within 2 bits of the query's finds every neighbour ({@link #radii} sharpens this to
 * ten chunks at radius 2 and one at radius 1). Wide chunks make a random hash
 * a candidate rarely (11 * 277 / 2^23, about 1 in 2,800), which keeps the expensive step, fetching
 * a candidate's full hash from memory, to a few hundred per query at a million hashes.
 *
 * <p>Bit numbering: bit {@code b} (0..255) is bit {@code 63 - b % 64} of {@code words[b / 64]},
 * i.e. the four words are read as one big-endian 256-bit string.
 */
final class Chunking {

    static final int CHUNKS = 11;
    static final int[] WIDTH = new int[CHUNKS];
    static final int[] OFFSET = new int[CHUNKS];
    /** MASK[c][i]: the bits of chunk c inside word i, for per-chunk distances. */
    static final long[][] MASK = new long[CHUNKS][4];

    static {
        int off = 0;
        for (int c = 0; c < CHUNKS; c++) {
            WIDTH[c] = c < 3 ? 24 : 23;
            OFFSET[c] = off;
            for (int b = off; b < off + WIDTH[c]; b++) {
                MASK[c][b >>> 6] |= 1L << (63 - (b & 63));
            }
            off += WIDTH[c];
        }
        if (off != 256) {
            throw new AssertionError("chunks must cover 256 bits");
        }
    }

    private Chunking() {}

    /** The largest pigeonhole radius for which probing is still cheaper than a scan. */
    static final int MAX_PROBE_RADIUS = 3;

    /**
     * Per-chunk radii that guarantee full recall for {@code maxDistance}, written to {@code out};
     * returns the largest.
     *
     * <p>Generalised pigeonhole: a hash more than {@code r_c} bits away on every chunk {@code c}
     * is at least {@code sum(r_c + 1)} bits away, so radii with {@code sum(r_c + 1) > D}, i.e.
     * {@code sum(r_c) >= D - 10}, miss nothing. For D = 31 that is ten chunks at radius 2 and one
     * at radius 1 (17 probes instead of 137 on that chunk), not eleven at {@code D / 11 = 2}.
     */
    static int radii(int maxDistance, int[] out) {
        int need = Math.max(0, maxDistance - (CHUNKS - 1));
        int base = need / CHUNKS;
        int extra = need % CHUNKS;
        for (int c = 0; c < CHUNKS; c++) {
            out[c] = base + (c < extra ? 1 : 0);
        }
        return base + (extra > 0 ? 1 : 0);
    }

    /** Value of chunk {@code c} of the hash stored at {@code words[base..base+3]}. */
    static int chunk(long[] words, int base, int c) {
        int off = OFFSET[c];
        int w = WIDTH[c];
        int wi = off >>> 6;
        int bo = off & 63;
        long hi = words[base + wi] << bo;
        if (bo + w <= 64) {
            return (int) (hi >>> (64 - w));
        }
        int hiBits = 64 - bo;
        int loBits = w - hiBits;
        return (int) (((hi >>> (64 - hiBits)) << loBits) | (words[base + wi + 1] >>> (64 - loBits)));
    }

    /** Hamming distance restricted to chunk c, given the XOR of two hashes. */
    static int chunkDistance(long x0, long x1, long x2, long x3, int c) {
        long[] m = MASK[c];
        return Long.bitCount(x0 & m[0]) + Long.bitCount(x1 & m[1])
                + Long.bitCount(x2 & m[2]) + Long.bitCount(x3 & m[3]);
    }
}
