package org.christchurchcall.hashmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PdqIndexTest {

    private static final int[] THRESHOLDS = {0, 1, 5, 10, 11, 21, 22, 31, 32, 40, 43, 44, 63, 80};

    /** Loads the same data into the index and a brute-force scan. */
    private static void load(PdqIndex index, BruteForceIndex truth, long[] ids, long[] words) {
        index.putAll(ids, words);
        for (int i = 0; i < ids.length; i++) {
            truth.put(ids[i], java.util.Arrays.copyOfRange(words, 4 * i, 4 * i + 4));
        }
    }

    /** Queries with neighbours planted at every distance 0..31 and decoys at 32..40. */
    private static List<long[]> plantedData(SplittableRandom rnd, int n, int queries, boolean clustered,
            List<Long> idsOut, List<long[]> wordsOut) {
        List<long[]> centres = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            centres.add(TestHashes.random(rnd));
        }
        List<long[]> qs = new ArrayList<>();
        long id = 1000;
        for (int q = 0; q < queries; q++) {
            long[] query = clustered ? TestHashes.flip(rnd, centres.get(rnd.nextInt(centres.size())), rnd.nextInt(48))
                    : TestHashes.random(rnd);
            qs.add(query);
            for (int d = 0; d <= 40; d++) {
                idsOut.add(id++);
                wordsOut.add(TestHashes.flip(rnd, query, d));
            }
        }
        while (idsOut.size() < n) {
            idsOut.add(id++ * 7919);
            wordsOut.add(clustered ? TestHashes.flip(rnd, centres.get(rnd.nextInt(centres.size())), rnd.nextInt(64))
                    : TestHashes.random(rnd));
        }
        return qs;
    }

    private static long[] flatten(List<long[]> words) {
        long[] out = new long[4 * words.size()];
        for (int i = 0; i < words.size(); i++) {
            System.arraycopy(words.get(i), 0, out, 4 * i, 4);
        }
        return out;
    }

    private static void assertSameAsBruteForce(PdqIndex index, BruteForceIndex truth, List<long[]> queries) {
        for (long[] q : queries) {
            for (int t : THRESHOLDS) {
                assertEquals(truth.search(q, t), index.search(q, t), "threshold " + t);
            }
        }
    }

    private void recall(boolean clustered) {
        SplittableRandom rnd = new SplittableRandom(clustered ? 7 : 3);
        List<Long> ids = new ArrayList<>();
        List<long[]> words = new ArrayList<>();
        List<long[]> queries = plantedData(rnd, 60_000, 40, clustered, ids, words);
        try (PdqIndex index = new PdqIndex()) {
            BruteForceIndex truth = new BruteForceIndex();
            load(index, truth, ids.stream().mapToLong(Long::longValue).toArray(), flatten(words));
            assertEquals(truth.size(), index.size());
            assertSameAsBruteForce(index, truth, queries);
            // every planted neighbour at 0..31 is found at its distance, no decoy at 32..40
            for (long[] q : queries) {
                List<Match> hits = index.search(q, 31);
                for (Match m : hits) {
                    assertTrue(m.distance() <= 31);
                }
            }
        }
    }

    @Test
    void recallEqualsBruteForceOnRandomData() {
        recall(false);
    }

    @Test
    void recallEqualsBruteForceOnClusteredData() {
        recall(true);
    }

    /**
     * Thousands of hashes that share the first 128 bits: on the chunks inside those bits every
     * posting falls in one bucket, a run far longer than the fixed scan window, so matches at its
     * far end are found only if the tail of the run is scanned too.
     */
    @Test
    void crowdedBucketsAreScannedToTheEnd() {
        SplittableRandom rnd = new SplittableRandom(11);
        long[] prefix = TestHashes.random(rnd);
        int n = 5_000;
        long[] ids = new long[n];
        long[] words = new long[4 * n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            words[4 * i] = prefix[0];
            words[4 * i + 1] = prefix[1];
            words[4 * i + 2] = rnd.nextLong();
            words[4 * i + 3] = rnd.nextLong();
        }
        List<long[]> queries = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            // near the last-inserted postings (the end of each crowded run) and a few others
            int row = k < 6 ? n - 1 - k : rnd.nextInt(n);
            long[] row4 = java.util.Arrays.copyOfRange(words, 4 * row, 4 * row + 4);
            queries.add(TestHashes.flip(rnd, row4, k * 3));
        }
        try (PdqIndex index = new PdqIndex()) {
            BruteForceIndex truth = new BruteForceIndex();
            load(index, truth, ids, words);
            assertSameAsBruteForce(index, truth, queries);
            for (int k = 0; k < 6; k++) {
                long want = n - 1 - k;
                assertTrue(index.search(queries.get(k), 31).stream().anyMatch(m -> m.id() == want),
                        "the hash at the end of the crowded run is found");
            }
        }
    }

    @Test
    void plantedNeighboursAreFoundAndDecoysAreNot() {
        SplittableRandom rnd = new SplittableRandom(11);
        try (PdqIndex index = new PdqIndex()) {
            long[] ids = new long[20_000];
            long[] words = new long[4 * ids.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
                System.arraycopy(TestHashes.random(rnd), 0, words, 4 * i, 4);
            }
            index.putAll(ids, words);
            long[] q = TestHashes.random(rnd);
            for (int d = 0; d <= 40; d++) {
                index.put(-1 - d, TestHashes.flip(rnd, q, d));
            }
            List<Match> hits = index.search(q, 31);
            assertEquals(32, hits.size());
            for (int d = 0; d <= 31; d++) {
                assertEquals(new Match(-1 - d, d), hits.get(d));
            }
        }
    }

    @Test
    void writesThroughDeltaSmallSegmentsAndMergesMatchBruteForce() {
        SplittableRandom rnd = new SplittableRandom(5);
        // tiny capacities so that freezes, small merges and full merges all happen
        PdqIndex.Options small = new PdqIndex.Options(64, 2, 4, 256, true);
        try (PdqIndex index = new PdqIndex(small)) {
            BruteForceIndex truth = new BruteForceIndex();
            List<long[]> queries = new ArrayList<>();
            List<long[]> stored = new ArrayList<>();
            for (int i = 0; i < 6000; i++) {
                int op = rnd.nextInt(10);
                if (op < 7 || stored.isEmpty()) {
                    long[] h = stored.isEmpty() || rnd.nextBoolean() ? TestHashes.random(rnd)
                            : TestHashes.flip(rnd, stored.get(rnd.nextInt(stored.size())), rnd.nextInt(40));
                    long id = rnd.nextInt(4000);
                    index.put(id, h);
                    truth.put(id, h);
                    stored.add(h);
                } else if (op < 9) {
                    long id = rnd.nextInt(4000);
                    assertEquals(truth.remove(id), index.remove(id));
                } else {
                    queries.add(TestHashes.flip(rnd, stored.get(rnd.nextInt(stored.size())), rnd.nextInt(20)));
                }
                assertEquals(truth.size(), index.size());
                if (i % 500 == 0 && !queries.isEmpty()) {
                    assertSameAsBruteForce(index, truth, queries.subList(Math.max(0, queries.size() - 5), queries.size()));
                }
            }
            assertSameAsBruteForce(index, truth, queries);
            index.compact();
            assertEquals(0, index.pendingSegments());
            assertEquals(truth.size(), index.size());
            assertSameAsBruteForce(index, truth, queries);
        }
    }

    @Test
    void removedAndReplacedHashesStopMatchingAtOnce() {
        SplittableRandom rnd = new SplittableRandom(13);
        try (PdqIndex index = new PdqIndex()) {
            long[] ids = new long[10_000];
            long[] words = new long[4 * ids.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
                System.arraycopy(TestHashes.random(rnd), 0, words, 4 * i, 4);
            }
            index.putAll(ids, words);
            long[] h42 = java.util.Arrays.copyOfRange(words, 168, 172);
            assertEquals(List.of(new Match(42, 0)), index.search(h42, 31));

            assertTrue(index.remove(42));
            assertFalse(index.remove(42));
            assertFalse(index.contains(42));
            assertEquals(List.of(), index.search(h42, 31));
            assertEquals(9_999, index.size());

            long[] other = TestHashes.random(rnd);
            index.put(7, other);
            long[] h7old = java.util.Arrays.copyOfRange(words, 28, 32);
            assertEquals(List.of(), index.search(h7old, 31));
            assertEquals(List.of(new Match(7, 0)), index.search(other, 31));
            assertEquals(9_999, index.size());

            index.put(42, h42);
            assertEquals(List.of(new Match(42, 0)), index.search(h42, 31));
            index.compact();
            assertEquals(List.of(new Match(42, 0)), index.search(h42, 31));
            assertEquals(List.of(), index.search(h7old, 31));
            assertEquals(10_000, index.size());
        }
    }

    @Test
    void rejectsBadArguments() {
        try (PdqIndex index = new PdqIndex()) {
            assertThrows(IllegalArgumentException.class, () -> index.put(1, new long[3]));
            assertThrows(IllegalArgumentException.class, () -> index.search(new long[4], -1));
            assertThrows(IllegalArgumentException.class, () -> index.search(new long[4], 257));
            assertThrows(IllegalArgumentException.class, () -> index.putAll(new long[2], new long[4]));
        }
    }

    @Test
    void concurrentSearchesSeeEveryCompletedWrite() throws Exception {
        PdqIndex.Options small = new PdqIndex.Options(128, 2, 4, 1024, true);
        try (PdqIndex index = new PdqIndex(small)) {
            SplittableRandom seed = new SplittableRandom(17);
            long[] ids = new long[20_000];
            long[] words = new long[4 * ids.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
                System.arraycopy(TestHashes.random(seed), 0, words, 4 * i, 4);
            }
            index.putAll(ids, words);

            int writes = 20_000;
            long[][] written = new long[writes][];
            AtomicLong completed = new AtomicLong(-1);
            AtomicBoolean done = new AtomicBoolean();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(19);
                try {
                    start.await();
                    for (int i = 0; i < writes; i++) {
                        long[] h = TestHashes.random(rnd);
                        written[i] = h;
                        index.put(1_000_000L + i, h);
                        if (i % 3 == 0) {
                            index.remove(rnd.nextInt(20_000));
                        }
                        completed.set(i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.set(true);
                }
            });
            Runnable reader = () -> {
                SplittableRandom rnd = new SplittableRandom(Thread.currentThread().getId());
                try {
                    start.await();
                    while (!done.get()) {
                        long upTo = completed.get();
                        if (upTo < 0) {
                            continue;
                        }
                        int i = (int) rnd.nextLong(upTo + 1);
                        long[] q = TestHashes.flip(rnd, written[i], rnd.nextInt(32));
                        boolean found = index.search(q, 31).stream().anyMatch(m -> m.id() == 1_000_000L + i);
                        if (!found) {
                            failures.add("write " + i + " not found");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
            };
            Thread r1 = new Thread(reader);
            Thread r2 = new Thread(reader);
            writer.start();
            r1.start();
            r2.start();
            start.countDown();
            writer.join();
            r1.join();
            r2.join();
            assertEquals(List.of(), new ArrayList<>(failures));
            assertEquals(20_000 + writes - countRemoved(index), index.size());
            BruteForceIndex truth = new BruteForceIndex();
            for (int i = 0; i < 20_000; i++) {
                if (index.contains(i)) {
                    truth.put(i, java.util.Arrays.copyOfRange(words, 4 * i, 4 * i + 4));
                }
            }
            for (int i = 0; i < writes; i++) {
                truth.put(1_000_000L + i, written[i]);
            }
            assertEquals(truth.size(), index.size());
            SplittableRandom rnd = new SplittableRandom(23);
            for (int k = 0; k < 200; k++) {
                long[] q = TestHashes.flip(rnd, written[rnd.nextInt(writes)], rnd.nextInt(40));
                assertEquals(truth.search(q, 31), index.search(q, 31));
            }
        }
    }

    private static long countRemoved(PdqIndex index) {
        long removed = 0;
        for (int i = 0; i < 20_000; i++) {
            if (!index.contains(i)) {
                removed++;
            }
        }
        return removed;
    }
}
