package org.christchurchcall.hashmatch.video;

import java.util.ArrayList;
import java.util.List;
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

    /** A video of {@code n} frames at 30 fps, each an unrelated random hash of quality 90. */
    static List<VpdqFrame> video(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<VpdqFrame> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PdqHash h = PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
            out.add(new VpdqFrame(i, 90, h, VpdqFrame.timestampOf(i, 30)));
        }
        return out;
    }

    /**
     * Frames {@code from..to-1} of {@code video}, each {@code bits} bits away from the original,
     * renumbered from 0 (a clip cut out of the video and re-encoded).
     */
    static List<VpdqFrame> clip(List<VpdqFrame> video, int from, int to, int bits) {
        List<VpdqFrame> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            VpdqFrame f = video.get(i);
            int n = i - from;
            out.add(new VpdqFrame(n, f.quality(), flip(f.hash(), bits, 1000L + i), VpdqFrame.timestampOf(n, 30)));
        }
        return out;
    }
}
