package org.christchurchcall.hashmatch.index;

import java.util.SplittableRandom;

/** Random and clustered 256-bit hashes with planted neighbours, for recall tests. */
final class TestHashes {

    private TestHashes() {}

    static long[] random(SplittableRandom rnd) {
        return new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
    }

    /** A copy of {@code h} with exactly {@code d} distinct bits flipped. */
    static long[] flip(SplittableRandom rnd, long[] h, int d) {
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

    static int distance(long[] a, long[] b) {
        return Long.bitCount(a[0] ^ b[0]) + Long.bitCount(a[1] ^ b[1])
                + Long.bitCount(a[2] ^ b[2]) + Long.bitCount(a[3] ^ b[3]);
    }
}
