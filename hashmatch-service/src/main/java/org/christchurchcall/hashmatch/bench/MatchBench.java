package org.christchurchcall.hashmatch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.christchurchcall.hashmatch.index.PdqIndex;

/**
 * Matching benchmark: {@code MatchBench --hashes N --queries Q --threads T [--clustered]
 * [--threshold 31] [--seed S] [--rounds R] [--verify V]}.
 *
 * <p>Data as in the faiss anchor ({@code shared/bench/faiss_bench.py}): N hashes, uniformly random
 * or, with {@code --clustered}, drawn around 3,000 centres (0..64 bits flipped, queries 0..32 bits
 * from a centre); for every query two planted neighbours at random distances 0..31 and one decoy
 * at 32..40 replace random rows. One warm-up round, then R timed rounds of all queries split over
 * T threads, one query per call. Prints one JSON line.
 *
 * <p>recall: the lower of (a) planted neighbours found over all queries and (b) brute-force
 * neighbours found over the first V queries. false_matches: returned ids whose true distance is
 * over the threshold or differs from the reported one (all queries), plus ids missing from the
 * brute-force answer (first V queries).
 */
public final class MatchBench {

    private MatchBench() {}

    public static void main(String[] args) throws Exception {
        int n = 1_000_000;
        int q = 10_000;
        int threads = 1;
        boolean clustered = false;
        int threshold = 31;
        long seed = 12345;
        int rounds = 3;
        int verify = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hashes" -> n = Integer.parseInt(args[++i]);
                case "--queries" -> q = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--clustered" -> clustered = true;
                case "--threshold" -> threshold = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--verify" -> verify = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: MatchBench --hashes N --queries Q --threads T [--clustered]"
                            + " [--threshold 31] [--seed S] [--rounds R] [--verify V]");
                    System.exit(2);
                }
            }
        }
        if (3L * q > n) {
            throw new IllegalArgumentException("need at least 3 hashes per query");
        }
        run(n, q, threads, clustered, threshold, seed, rounds, Math.min(verify, q));
    }

    private static long[] random(SplittableRandom rnd) {
        return new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
    }

    private static long[] flip(SplittableRandom rnd, long[] h, int d) {
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

    private static int distance(long[] words, int slot, long[] q) {
        int o = 4 * slot;
        return Long.bitCount(words[o] ^ q[0]) + Long.bitCount(words[o + 1] ^ q[1])
                + Long.bitCount(words[o + 2] ^ q[2]) + Long.bitCount(words[o + 3] ^ q[3]);
    }

    static void run(int n, int q, int threads, boolean clustered, int threshold, long seed, int rounds,
            int verify) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] centres = new long[3000][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = random(rnd);
        }
        long[] words = new long[4 * n];
        for (int i = 0; i < n; i++) {
            long[] h = clustered ? flip(rnd, centres[rnd.nextInt(centres.length)], rnd.nextInt(65)) : random(rnd);
            System.arraycopy(h, 0, words, 4 * i, 4);
        }
        long[][] queries = new long[q][];
        for (int i = 0; i < q; i++) {
            queries[i] = clustered ? flip(rnd, centres[rnd.nextInt(centres.length)], rnd.nextInt(33)) : random(rnd);
        }
        // plant: rows chosen without repetition by a partial Fisher-Yates shuffle
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        int[][] planted = new int[q][2];
        int[] decoy = new int[q];
        int next = 0;
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < 3; k++) {
                int j = next + rnd.nextInt(n - next);
                int row = rows[j];
                rows[j] = rows[next];
                rows[next++] = row;
                int d = k < 2 ? rnd.nextInt(threshold + 1) : threshold + 1 + rnd.nextInt(9);
                System.arraycopy(flip(rnd, queries[i], Math.min(d, 256)), 0, words, 4 * row, 4);
                if (k < 2) {
                    planted[i][k] = row;
                } else {
                    decoy[i] = row;
                }
            }
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }

        System.gc();
        long t0 = System.nanoTime();
        PdqIndex index = new PdqIndex();
        index.putAll(ids, words);
        double buildS = (System.nanoTime() - t0) / 1e9;

        // the warm-up round's results are the ones checked; timed rounds only count
        @SuppressWarnings("unchecked")
        List<long[]>[] results = new List[q];
        runRound(index, queries, threshold, threads, null, results);
        // a second untimed round through the same call as the timed ones, so that the JIT has compiled
        // that path (the first round's collector differs) before the clock starts
        runRound(index, queries, threshold, threads, null, null);
        long[] lat = new long[q * rounds];
        long wall = 0;
        for (int r = 0; r < rounds; r++) {
            long[] roundLat = new long[q];
            long w0 = System.nanoTime();
            runRound(index, queries, threshold, threads, roundLat, null);
            wall += System.nanoTime() - w0;
            System.arraycopy(roundLat, 0, lat, r * q, q);
        }
        Arrays.sort(lat);

        long plantedFound = 0;
        long falseMatches = 0;
        long truthTotal = 0;
        long truthFound = 0;
        for (int i = 0; i < q; i++) {
            Set<Long> got = new HashSet<>();
            for (long[] m : results[i]) {
                got.add(m[0]);
                int d = distance(words, (int) m[0], queries[i]);
                if (d > threshold || d != m[1]) {
                    falseMatches++;
                }
            }
            for (int k = 0; k < 2; k++) {
                if (got.contains((long) planted[i][k])) {
                    plantedFound++;
                }
            }
            if (i < verify) {
                Set<Long> truth = new HashSet<>();
                for (int s = 0; s < n; s++) {
                    if (distance(words, s, queries[i]) <= threshold) {
                        truth.add((long) s);
                    }
                }
                truthTotal += truth.size();
                for (Long id : got) {
                    if (truth.contains(id)) {
                        truthFound++;
                    } else {
                        falseMatches++;
                    }
                }
            }
        }
        double recall = Math.min((double) plantedFound / (2.0 * q),
                truthTotal == 0 ? 1.0 : (double) truthFound / truthTotal);
        double qps = (double) q * rounds / (wall / 1e9);
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\":\"match\",\"n\":%d,\"queries\":%d,\"threads\":%d,\"clustered\":%b,\"threshold\":%d,"
                        + "\"qps\":%.0f,\"p50_us\":%.1f,\"p99_us\":%.1f,\"recall\":%.6f,\"false_matches\":%d,"
                        + "\"bytes_per_hash\":%.1f,\"build_s\":%.2f,\"matches_per_query\":%.2f}",
                n, q, threads, clustered, threshold, qps, pct(lat, 50), pct(lat, 99), recall, falseMatches,
                index.bytesPerHash(), buildS, meanMatches(results)));
        index.close();
    }

    private static double meanMatches(List<long[]>[] results) {
        long s = 0;
        for (List<long[]> r : results) {
            s += r.size();
        }
        return (double) s / results.length;
    }

    private static double pct(long[] sortedNanos, int p) {
        int k = (int) Math.round(p / 100.0 * (sortedNanos.length - 1));
        return sortedNanos[Math.min(sortedNanos.length - 1, Math.max(0, k))] / 1000.0;
    }

    private static void runRound(PdqIndex index, long[][] queries, int threshold, int threads, long[] lat,
            List<long[]>[] results) throws InterruptedException {
        AtomicLong nextQuery = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                for (int i = (int) nextQuery.getAndIncrement(); i < queries.length;
                        i = (int) nextQuery.getAndIncrement()) {
                    List<long[]> out = results == null ? null : new ArrayList<>();
                    long s = System.nanoTime();
                    if (out == null) {
                        index.search(queries[i], threshold, (id, d) -> { });
                    } else {
                        index.search(queries[i], threshold, (id, d) -> out.add(new long[] {id, d}));
                    }
                    long e = System.nanoTime();
                    if (lat != null) {
                        lat[i] = e - s;
                    }
                    if (results != null) {
                        results[i] = out;
                    }
                }
            }, "match-bench-" + t);
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
    }
}
