package org.christchurchcall.bench.match;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.video.VpdqFrame;

/**
 * The video matching benchmark's data: {@code videos} synthetic videos of {@code frames} frames,
 * hashed at one frame a second (HMA's default sampling; frame numbers at 30 fps). A video is a
 * random walk: each frame flips 0..6 random bits of the previous one (0 repeats it, as a still
 * scene does), and with probability 1/30 a scene cut starts from a fresh random hash. Qualities
 * are uniform in 50..100. The hashes are kept in one flat array (4 longs a frame); frame lists are
 * made on demand.
 *
 * <p>Queries: {@code 1 - unrelatedShare} of them are {@code window}-frame clips of a random video
 * at a random offset, each frame re-hashed with 8..20 bits flipped and a fresh quality in 50..100;
 * the rest are random walks unrelated to any video.
 */
final class VideoMatchData {

    static final int FPS = 30;

    final int videos;
    final int frames;
    final long[] words;
    final byte[] quality;
    final List<List<VpdqFrame>> queries = new ArrayList<>();
    /** Per query, the video it was cut from (0-based), or -1 for an unrelated one. */
    final int[] source;

    VideoMatchData(int videos, int frames, int queries, int window, double unrelatedShare, long seed) {
        if (videos < 1 || frames < window || window < 1 || queries < 1) {
            throw new IllegalArgumentException("need videos >= 1, queries >= 1 and frames >= window >= 1");
        }
        if ((long) videos * frames * 4 > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many frames in all");
        }
        this.videos = videos;
        this.frames = frames;
        SplittableRandom rnd = new SplittableRandom(seed);
        words = new long[4 * videos * frames];
        quality = new byte[videos * frames];
        long[] h = new long[4];
        for (int v = 0; v < videos; v++) {
            for (int i = 0; i < frames; i++) {
                if (i == 0 || rnd.nextInt(30) == 0) {
                    random(rnd, h);
                } else {
                    flip(rnd, h, rnd.nextInt(7));
                }
                int row = v * frames + i;
                System.arraycopy(h, 0, words, 4 * row, 4);
                quality[row] = (byte) (50 + rnd.nextInt(51));
            }
        }
        source = new int[queries];
        for (int k = 0; k < queries; k++) {
            List<VpdqFrame> q = new ArrayList<>(window);
            if (rnd.nextDouble() < unrelatedShare) {
                source[k] = -1;
                random(rnd, h);
                for (int i = 0; i < window; i++) {
                    if (i > 0) {
                        if (rnd.nextInt(30) == 0) {
                            random(rnd, h);
                        } else {
                            flip(rnd, h, rnd.nextInt(7));
                        }
                    }
                    q.add(frame(i, 50 + rnd.nextInt(51), h));
                }
            } else {
                int v = rnd.nextInt(videos);
                int from = rnd.nextInt(frames - window + 1);
                source[k] = v;
                for (int i = 0; i < window; i++) {
                    int row = v * frames + from + i;
                    System.arraycopy(words, 4 * row, h, 0, 4);
                    flip(rnd, h, 8 + rnd.nextInt(13));
                    q.add(frame(i, 50 + rnd.nextInt(51), h));
                }
            }
            this.queries.add(q);
        }
    }

    /** Video {@code v}'s frames, as a hasher would give them. */
    List<VpdqFrame> video(int v) {
        List<VpdqFrame> out = new ArrayList<>(frames);
        long[] h = new long[4];
        for (int i = 0; i < frames; i++) {
            int row = v * frames + i;
            System.arraycopy(words, 4 * row, h, 0, 4);
            out.add(frame(i, quality[row], h));
        }
        return out;
    }

    /** Second {@code i} of a video: frame {@code 30 i}, timestamp {@code i} s. */
    private static VpdqFrame frame(int i, int quality, long[] h) {
        return new VpdqFrame(FPS * i, quality, PdqHash.of(h), VpdqFrame.timestampOf(FPS * i, FPS));
    }

    private static void random(SplittableRandom rnd, long[] h) {
        for (int w = 0; w < 4; w++) {
            h[w] = rnd.nextLong();
        }
    }

    /** Flips {@code d} distinct random bits of {@code h}. */
    private static void flip(SplittableRandom rnd, long[] h, int d) {
        long[] done = new long[4];
        int flipped = 0;
        while (flipped < d) {
            int b = rnd.nextInt(256);
            long m = 1L << (b & 63);
            if ((done[b >>> 6] & m) == 0) {
                done[b >>> 6] |= m;
                h[b >>> 6] ^= m;
                flipped++;
            }
        }
    }
}
