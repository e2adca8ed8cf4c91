package org.christchurchcall.hashmatch.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Linear scan over all hashes: the ground truth the multi-index is tested against. Thread-safe
 * through one lock; not meant to be fast.
 */
public final class BruteForceIndex implements HashIndex {

    private final Map<Long, Integer> slotOf = new HashMap<>();
    private long[] ids = new long[16];
    private long[] words = new long[64];
    private int n;

    @Override
    public synchronized void put(long id, long[] w) {
        HashIndex.checkWords(w);
        Integer slot = slotOf.get(id);
        int s;
        if (slot != null) {
            s = slot;
        } else {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                words = Arrays.copyOf(words, n * 8);
            }
            s = n++;
            ids[s] = id;
            slotOf.put(id, s);
        }
        System.arraycopy(w, 0, words, 4 * s, 4);
    }

    @Override
    public synchronized boolean remove(long id) {
        Integer slot = slotOf.remove(id);
        if (slot == null) {
            return false;
        }
        int s = slot;
        int last = --n;
        if (s != last) {
            ids[s] = ids[last];
            System.arraycopy(words, 4 * last, words, 4 * s, 4);
            slotOf.put(ids[s], s);
        }
        return true;
    }

    @Override
    public synchronized boolean contains(long id) {
        return slotOf.containsKey(id);
    }

    @Override
    public synchronized long size() {
        return n;
    }

    @Override
    public synchronized int search(long[] q, int maxDistance, MatchCollector collector) {
        HashIndex.checkWords(q);
        HashIndex.checkDistance(maxDistance);
        int hits = 0;
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
        for (int s = 0, o = 0; s < n; s++, o += 4) {
            int d = Long.bitCount(words[o] ^ q0) + Long.bitCount(words[o + 1] ^ q1)
                    + Long.bitCount(words[o + 2] ^ q2) + Long.bitCount(words[o + 3] ^ q3);
            if (d <= maxDistance) {
                collector.accept(ids[s], d);
                hits++;
            }
        }
        return hits;
    }
}
