package org.christchurchcall.bench.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.christchurchcall.hashmatch.index.HashIndex;
import org.christchurchcall.hashmatch.index.Match;
import org.christchurchcall.hashmatch.index.MatchCollector;
import org.christchurchcall.hashmatch.index.PdqIndex;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Matching benchmark: {@code MatchBench --hashes N --queries Q --threads T [--clustered]
 * [--threshold 31] [--seed S] [--rounds R] [--verify V] [--added-pct 1] [--retracted-pct 0.1]}.
 *
 * <p>Data: {@link MatchData}. Two states of the index and two ways of searching it:
 * <ol>
 *   <li>the fresh index (one bulk build), searched through the raw path, {@code PdqIndex.search}
 *       with a collector that records the hits into a reused buffer ({@code qps}, {@code p50_us},
 *       ...: the figures earlier runs reported);
 *   <li>the same index after the writes ({@code --added-pct} of N added, half as one batch and
 *       half one at a time, {@code --retracted-pct} of N retracted among them), searched through
 *       the raw path ({@code written_raw_*}) and through the service's path,
 *       {@code HashIndex.search(query, threshold)} returning the sorted list of matches as
 *       {@code MatchService} calls it ({@code service_*}); their rounds alternate.
 * </ol>
 * Each runs untimed rounds first (the JIT compiles the path), then R timed rounds of all queries
 * split over T threads, one query per call. Every round's results are checked, the timed ones
 * included ({@link ResultCheck}): every hit against the stored hash, every query for duplicates
 * and for the planted neighbours, the first V queries against a brute-force scan. Prints one JSON
 * line.
 *
 * <p>With {@code --videos N} it runs the video matching benchmark instead ({@link VideoMatchBench}).
 *
 * <p>About 300 lines on purpose: a benchmark reads top to bottom as one script; data and checks
 * are already separate classes ({@code MatchData}, {@link ResultCheck}).
 */
public final class MatchBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Path {
        /** The index's own interface: a collector per query, nothing allocated by the index. */
        RAW,
        /** {@code HashIndex.search(long[], int)}: the sorted {@code List<Match>} the service uses. */
        SERVICE
    }

    private MatchBench() {}

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--videos")) {
            VideoMatchBench.main(args); // the video bench: its own options, see VideoMatchBench
            return;
        }
        int n = 1_000_000;
        int q = 10_000;
        int threads = 1;
        boolean clustered = false;
        int threshold = 31;
        long seed = 12345;
        int rounds = 3;
        int verify = 1000;
        double addedPct = 1.0;
        double retractedPct = 0.1;
        try {
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
                    case "--added-pct" -> addedPct = Double.parseDouble(args[++i]);
                    case "--retracted-pct" -> retractedPct = Double.parseDouble(args[++i]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
            if (3L * q > n || rounds < 1 || threads < 1) {
                throw new IllegalArgumentException("need at least 3 hashes per query, one round and one thread");
            }
        } catch (RuntimeException e) {
            System.err.println("match bench: " + e.getMessage());
            System.err.println("usage: MatchBench --hashes N --queries Q --threads T [--clustered] [--threshold 31]"
                    + " [--seed S] [--rounds R] [--verify V] [--added-pct 1] [--retracted-pct 0.1]");
            System.exit(2);
        }
        System.out.println(run(n, q, threads, clustered, threshold, seed, rounds, Math.min(verify, q), addedPct,
                retractedPct));
    }

    static String run(int n, int q, int threads, boolean clustered, int threshold, long seed, int rounds,
            int verify, double addedPct, double retractedPct) throws Exception {
        MatchData data = new MatchData(n, q, clustered, threshold, seed, addedPct, retractedPct);
        long[][] truthFresh = data.truth(verify, false);

        System.gc();
        long t0 = System.nanoTime();
        PdqIndex index = data.build();
        double buildS = (System.nanoTime() - t0) / 1e9;
        double bytesPerHash = index.bytesPerHash();

        Measured fresh = new Measured(new ResultCheck(data.words, n, new BitSet(), threshold), q, rounds);
        Runner runner = new Runner(index, data.queries, threshold, threads);
        // untimed rounds through the same call as the timed ones: the JIT compiles that path first
        for (int r = 0; r < 2; r++) {
            runner.round(Path.RAW, fresh, data.plantedFresh, truthFresh, -1);
        }
        for (int r = 0; r < rounds; r++) {
            runner.round(Path.RAW, fresh, data.plantedFresh, truthFresh, r);
        }

        t0 = System.nanoTime();
        data.applyWrites(index);
        double writesS = (System.nanoTime() - t0) / 1e9;
        long[][] truthWritten = data.truth(verify, true);
        Measured raw = new Measured(new ResultCheck(data.words, n + data.added, data.retractedSet, threshold), q,
                rounds);
        Measured service = new Measured(new ResultCheck(data.words, n + data.added, data.retractedSet, threshold), q,
                rounds);
        for (int r = 0; r < 2; r++) {
            runner.round(Path.RAW, raw, data.plantedWritten, truthWritten, -1);
            runner.round(Path.SERVICE, service, data.plantedWritten, truthWritten, -1);
        }
        for (int r = 0; r < rounds; r++) {
            // alternating, so that a change of machine load affects both paths alike
            if (r % 2 == 0) {
                runner.round(Path.RAW, raw, data.plantedWritten, truthWritten, r);
                runner.round(Path.SERVICE, service, data.plantedWritten, truthWritten, r);
            } else {
                runner.round(Path.SERVICE, service, data.plantedWritten, truthWritten, r);
                runner.round(Path.RAW, raw, data.plantedWritten, truthWritten, r);
            }
        }
        long size = index.size();
        index.close();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "match");
        json.put("n", n);
        json.put("queries", q);
        json.put("threads", threads);
        json.put("clustered", clustered);
        json.put("threshold", threshold);
        fresh.put(json, "");
        json.put("bytes_per_hash", round(bytesPerHash, 1));
        json.put("build_s", round(buildS, 2));
        json.put("rounds", rounds);
        json.put("verified_queries", verify);
        json.put("added", data.added);
        json.put("retracted", data.retracted.length);
        json.put("size_after_writes", size);
        json.put("writes_s", round(writesS, 2));
        raw.put(json, "written_raw_");
        service.put(json, "service_");
        return JSON.writeValueAsString(json);
    }

    /** One path on one state: its latencies over the timed rounds and the check of every round. */
    private static final class Measured {
        final ResultCheck check;
        final long[] latencies;
        long wallNanos;
        int checkedRounds;

        Measured(ResultCheck check, int queries, int rounds) {
            this.check = check;
            this.latencies = new long[queries * rounds];
        }

        void put(Map<String, Object> json, String prefix) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int timedQueries = latencies.length;
            json.put(prefix + "qps", Math.round(timedQueries / (wallNanos / 1e9)));
            json.put(prefix + "p50_us", round(pct(sorted, 50) / 1000.0, 1));
            json.put(prefix + "p99_us", round(pct(sorted, 99) / 1000.0, 1));
            json.put(prefix + "recall", round(check.recall(), 6));
            json.put(prefix + "false_matches", check.falseMatches);
            json.put(prefix + "duplicates", check.duplicates);
            json.put(prefix + "missing", check.missing);
            json.put(prefix + "matches_per_query", round(check.matchesPerQuery(), 2));
            json.put(prefix + "checked_rounds", checkedRounds);
            if (check.retractedReturned > 0) {
                json.put(prefix + "retracted_returned", check.retractedReturned);
            }
        }
    }

    /**
     * Records one thread's hits of a whole round, query after query, into arrays that only grow:
     * the raw path allocates nothing per query.
     */
    private static final class Buffer implements MatchCollector {
        long[] ids = new long[1 << 12];
        int[] distances = new int[1 << 12];
        int count;

        @Override
        public void accept(long id, int distance) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, 2 * count);
                distances = Arrays.copyOf(distances, 2 * count);
            }
            ids[count] = id;
            distances[count++] = distance;
        }
    }

    private static final class Runner {
        private final PdqIndex index;
        private final long[][] queries;
        private final int threshold;
        private final int threads;

        Runner(PdqIndex index, long[][] queries, int threshold, int threads) {
            this.index = index;
            this.queries = queries;
            this.threshold = threshold;
            this.threads = threads;
        }

        /**
         * All queries once, split over the threads; then every result checked, off the clock.
         * {@code timedRound} < 0: untimed.
         */
        void round(Path path, Measured into, long[][] planted, long[][] truth, int timedRound)
                throws InterruptedException {
            int q = queries.length;
            long[] lat = new long[q];
            // raw: query i's hits are buffers[owner[i]] from start[i] to end[i]; service: lists[i]
            Buffer[] buffers = new Buffer[threads];
            int[] owner = new int[q];
            int[] start = new int[q];
            int[] end = new int[q];
            Object[] lists = new Object[q];
            HashIndex service = index;
            AtomicInteger nextQuery = new AtomicInteger();
            List<Thread> ts = new ArrayList<>();
            long w0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int self = t;
                Buffer buffer = buffers[t] = new Buffer();
                Thread th = new Thread(() -> {
                    for (int i = nextQuery.getAndIncrement(); i < q; i = nextQuery.getAndIncrement()) {
                        if (path == Path.RAW) {
                            owner[i] = self;
                            start[i] = buffer.count;
                            long s = System.nanoTime();
                            index.search(queries[i], threshold, buffer);
                            lat[i] = System.nanoTime() - s;
                            end[i] = buffer.count;
                        } else {
                            long s = System.nanoTime();
                            List<Match> result = service.search(queries[i], threshold);
                            lat[i] = System.nanoTime() - s;
                            lists[i] = result;
                        }
                    }
                }, "match-bench-" + t);
                ts.add(th);
                th.start();
            }
            for (Thread th : ts) {
                th.join();
            }
            long wall = System.nanoTime() - w0;
            if (timedRound >= 0) {
                into.wallNanos += wall;
                System.arraycopy(lat, 0, into.latencies, timedRound * q, q);
            }
            for (int i = 0; i < q; i++) {
                long[] t = i < truth.length ? truth[i] : null;
                if (path == Path.RAW) {
                    Buffer b = buffers[owner[i]];
                    into.check.check(queries[i], b.ids, b.distances, start[i], end[i], planted[i], t);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Match> result = (List<Match>) lists[i];
                    long[] ids = new long[result.size()];
                    int[] distances = new int[ids.length];
                    for (int k = 0; k < ids.length; k++) {
                        ids[k] = result.get(k).id();
                        distances[k] = result.get(k).distance();
                    }
                    into.check.check(queries[i], ids, distances, 0, ids.length, planted[i], t);
                }
            }
            into.checkedRounds++;
        }
    }

    private static double pct(long[] sorted, int p) {
        int k = (int) Math.round(p / 100.0 * (sorted.length - 1));
        return sorted[Math.min(sorted.length - 1, Math.max(0, k))];
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
