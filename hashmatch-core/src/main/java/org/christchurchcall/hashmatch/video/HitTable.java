package org.christchurchcall.hashmatch.video;

import java.util.Arrays;
import java.util.function.LongToIntFunction;

/**
 * What one video query found, per video record, while its frames are searched one after the
 * other: which query frames hit the record, which of the record's indexed frames were hit (a
 * bitset, so each counts once), and the smallest distance. A hit costs a probe of an
 * open-addressing table keyed by the record's sequence id and a few array writes; nothing is
 * boxed, since a query of near-duplicate frames against similar videos makes hundreds of hits a frame.
 */
final class HitTable {

    /** One record's hits. */
    static final class Acc {
        final long seqId;
        /** The record's indexed frames; 0 when the record is unknown (its hits are ignored). */
        final int count;
        final long[] ordinals;
        int distinct;
        int[] queryFrames = new int[8];
        int matchedQueryFrames;
        int minDistance = Integer.MAX_VALUE;

        Acc(long seqId, int count) {
            this.seqId = seqId;
            this.count = count;
            this.ordinals = new long[(count + 63) >>> 6];
        }

        void add(int queryFrame, int ordinal, int distance) {
            if (ordinal >= count) {
                return;
            }
            long bit = 1L << ordinal;
            int w = ordinal >>> 6;
            if ((ordinals[w] & bit) == 0) {
                ordinals[w] |= bit;
                distinct++;
            }
            // query frames are searched in increasing order: a new one is always the largest so far
            if (matchedQueryFrames == 0 || queryFrames[matchedQueryFrames - 1] != queryFrame) {
                if (matchedQueryFrames == queryFrames.length) {
                    queryFrames = Arrays.copyOf(queryFrames, 2 * matchedQueryFrames);
                }
                queryFrames[matchedQueryFrames++] = queryFrame;
            }
            if (distance < minDistance) {
                minDistance = distance;
            }
        }
    }

    private final LongToIntFunction countOf;
    private long[] keys = new long[16];
    private Acc[] values = new Acc[16];
    private int size;
    private long lastKey = -1;
    private Acc last;

    /** {@code countOf}: a record's indexed frames, 0 if it is not a video record of this index. */
    HitTable(LongToIntFunction countOf) {
        this.countOf = countOf;
    }

    void add(long frameId, int queryFrame, int distance) {
        long seqId = VideoFrameIds.record(frameId);
        Acc a = seqId == lastKey ? last : find(seqId);
        a.add(queryFrame, VideoFrameIds.ordinal(frameId), distance);
    }

    private Acc find(long seqId) {
        int mask = keys.length - 1;
        int i = mix(seqId) & mask;
        while (values[i] != null) {
            if (keys[i] == seqId) {
                lastKey = seqId;
                return last = values[i];
            }
            i = (i + 1) & mask;
        }
        Acc a = new Acc(seqId, countOf.applyAsInt(seqId));
        keys[i] = seqId;
        values[i] = a;
        if (++size * 2 > keys.length) {
            grow();
        }
        lastKey = seqId;
        return last = a;
    }

    private void grow() {
        long[] ok = keys;
        Acc[] ov = values;
        keys = new long[2 * ok.length];
        values = new Acc[2 * ov.length];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ov[j] != null) {
                int i = mix(ok[j]) & mask;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                values[i] = ov[j];
            }
        }
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The records with at least one hit on a frame they have. */
    Acc[] hitRecords() {
        Acc[] out = new Acc[size];
        int n = 0;
        for (Acc a : values) {
            if (a != null && a.distinct > 0) {
                out[n++] = a;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
