package org.christchurchcall.hashmatch.video;

import java.util.SplittableRandom;

import org.christchurchcall.hashmatch.pdq.PdqHash;

/** Random hashes and hashes at an exact distance, for the video tests. */
final class TestFrames {

    private TestFrames() {
    }

    static PdqHash random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }

    /** {@code h} with exactly {@code bits} distinct bits flipped. */
    static PdqHash flip(PdqHash h, int bits, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] w = h.words();
        boolean[] done = new boolean[256];
        for (int k = 0; k < bits; ) {
            int b = r.nextInt(256);
            if (!done[b]) {
                done[b] = true;
                w[b >>> 6] ^= 1L << (b & 63);
                k++;
            }
        }
        return PdqHash.of(w);
    }
}
