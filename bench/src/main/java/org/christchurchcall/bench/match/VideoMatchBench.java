package org.christchurchcall.bench.match;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.christchurchcall.hashmatch.index.PdqIndex;
import org.christchurchcall.hashmatch.video.VideoIndex;
import org.christchurchcall.hashmatch.video.VideoIndex.MatchParams;
import org.christchurchcall.hashmatch.video.VideoIndex.VideoMatch;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.video.VpdqRules;
import org.christchurchcall.hashmatch.video.VpdqRules.Rule;
import org.christchurchcall.hashmatch.video.VpdqRules.Score;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Video matching benchmark, {@code bin/ccall bench match --videos N --frames F [--queries 1000]
 * [--window 60] [--unrelated-pct 10] [--verify 20] [--rounds 1] [--seed S]}.
 *
 * <p>Data: {@link VideoMatchData}. The N videos are put one by one into a {@link VideoIndex} over
 * one {@link PdqIndex} (one thread, then {@code compact()}). Every query runs once untimed (the
 * JIT compiles the path), then R timed rounds of all queries on one thread, one
 * {@code VideoIndex.match} call per query at HMA's defaults (distance 31, quality 50, query 80 %).
 *
 * <p>Checked, off the clock: the first V queries against the brute-force HMA rule
 * ({@link VpdqRules#compare} with every video): {@code recall} = matches at the defaults the index
 * found / matches the brute force finds; {@code false_matches} the index found and the brute force
 * does not; {@code percent_mismatches} counts videos whose percentages (at query share 0, so every
 * partly matching video) differ from the brute force's or are missing. For every query:
 * whether a clip's source video is found ({@code source_found}).
 *
 * <p>Memory: heap used after full GCs with the index built minus before it (the data is alive
 * in both), per indexed frame ({@code heap_bytes_per_frame}); and the index's own accounting
 * ({@code PdqIndex.memoryBytes() + VideoIndex.catalogueBytes()}, {@code accounted_bytes_per_frame}).
 * The heap figure depends on G1's region size ({@code heap_region_bytes}, see {@link #regionBytes()}).
 *
 * <p>Beside the wall-clock latencies, {@code cpu_p50_ms} and {@code cpu_p99_ms} give the query
 * thread's CPU time per query: on a shared machine the wall-clock tail includes time the thread
 * was not running at all.
 */
public final class VideoMatchBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The call under test; the bench's own test swaps in a broken one to see the checks fail. */
    @FunctionalInterface
    interface Matcher {
        List<VideoMatch> match(VideoIndex index, List<VpdqFrame> query, MatchParams params);
    }

    static final Matcher INDEX = VideoIndex::match;

    private VideoMatchBench() {
    }

    public static void main(String[] args) throws Exception {
        int videos = 0;
        int frames = 300;
        int queries = 1000;
        int window = 60;
        double unrelatedPct = 10;
        int verify = 20;
        int rounds = 1;
        long seed = 12345;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--videos" -> videos = Integer.parseInt(args[++i]);
                    case "--frames" -> frames = Integer.parseInt(args[++i]);
                    case "--queries" -> queries = Integer.parseInt(args[++i]);
                    case "--window" -> window = Integer.parseInt(args[++i]);
                    case "--unrelated-pct" -> unrelatedPct = Double.parseDouble(args[++i]);
                    case "--verify" -> verify = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
            if (videos < 1 || rounds < 1 || verify < 0 || unrelatedPct < 0 || unrelatedPct > 100) {
                throw new IllegalArgumentException("need --videos >= 1, --rounds >= 1, --verify >= 0, --unrelated-pct 0..100");
            }
        } catch (RuntimeException e) {
            System.err.println("match bench: " + e.getMessage());
            System.err.println("usage: MatchBench --videos N --frames F [--queries 1000] [--window 60]"
                    + " [--unrelated-pct 10] [--verify 20] [--rounds 1] [--seed S]");
            System.exit(2);
        }
        System.out.println(run(videos, frames, queries, window, unrelatedPct, Math.min(verify, queries), rounds, seed,
                INDEX));
    }

    static String run(int videos, int frames, int queries, int window, double unrelatedPct, int verify, int rounds,
            long seed, Matcher matcher) throws Exception {
        VideoMatchData data = new VideoMatchData(videos, frames, queries, window, unrelatedPct / 100, seed);
        long heapBefore = usedAfterGc();

        long t0 = System.nanoTime();
        PdqIndex pdq = new PdqIndex();
        VideoIndex index = new VideoIndex(pdq);
        for (int v = 0; v < videos; v++) {
            index.put(v + 1, data.video(v));
        }
        double buildS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        pdq.compact();
        double compactS = (System.nanoTime() - t0) / 1e9;
        long indexed = index.frameCount();
        long heapAfter = usedAfterGc();

        MatchParams params = MatchParams.defaults();
        List<List<VpdqFrame>> qs = data.queries;
        for (List<VpdqFrame> q : qs) {
            matcher.match(index, q, params);
        }
        long[] latencies = new long[queries * rounds];
        long[] cpu = new long[queries * rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        @SuppressWarnings("unchecked")
        List<VideoMatch>[] results = new List[queries];
        long wall = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < queries; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                results[i] = matcher.match(index, qs.get(i), params);
                latencies[r * queries + i] = System.nanoTime() - s;
                cpu[r * queries + i] = threads.getCurrentThreadCpuTime() - c;
            }
        }
        wall = System.nanoTime() - wall;

        int related = 0;
        int sourceFound = 0;
        int unrelatedMatched = 0;
        long matches = 0;
        for (int i = 0; i < queries; i++) {
            matches += results[i].size();
            if (data.source[i] >= 0) {
                related++;
                long want = data.source[i] + 1L;
                sourceFound += results[i].stream().anyMatch(m -> m.seqId() == want) ? 1 : 0;
            } else {
                unrelatedMatched += results[i].isEmpty() ? 0 : 1;
            }
        }

        // brute force, off the clock
        int bruteMatches = 0;
        int found = 0;
        int falseMatches = 0;
        int percentMismatches = 0;
        int partlyMatching = 0;
        MatchParams any = new MatchParams(params.maxDistance(), params.minQuality(), 0, 0);
        double bruteS = 0;
        for (int i = 0; i < verify; i++) {
            List<VpdqFrame> q = qs.get(i);
            long b0 = System.nanoTime();
            Map<Long, Score> truth = new HashMap<>();
            for (int v = 0; v < videos; v++) {
                Score s = VpdqRules.compare(q, data.video(v), params.maxDistance(), params.minQuality(), Rule.HMA);
                if (s.queryPercent() > 0) {
                    truth.put(v + 1L, s);
                }
            }
            bruteS += (System.nanoTime() - b0) / 1e9;
            partlyMatching += truth.size();
            for (VideoMatch m : results[i]) {
                Score s = truth.get(m.seqId());
                if (s != null && s.queryPercent() >= params.minQueryPercent()) {
                    found++;
                } else {
                    falseMatches++;
                }
            }
            for (Score s : truth.values()) {
                bruteMatches += s.queryPercent() >= params.minQueryPercent() ? 1 : 0;
            }
            Map<Long, VideoMatch> all = new HashMap<>();
            for (VideoMatch m : matcher.match(index, q, any)) {
                all.put(m.seqId(), m);
            }
            for (Map.Entry<Long, Score> e : truth.entrySet()) {
                VideoMatch m = all.remove(e.getKey());
                if (m == null || m.queryPercent() != e.getValue().queryPercent()
                        || m.targetPercent() != e.getValue().targetPercent()) {
                    percentMismatches++;
                }
            }
            percentMismatches += all.size();
        }

        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "match-video");
        json.put("videos", videos);
        json.put("frames_per_video", frames);
        json.put("indexed_frames", indexed);
        json.put("queries", queries);
        json.put("window", window);
        json.put("related_queries", related);
        json.put("rounds", rounds);
        json.put("qps", Math.round((double) latencies.length / (wall / 1e9)));
        json.put("p50_ms", ms(pct(sorted, 50)));
        json.put("p90_ms", ms(pct(sorted, 90)));
        json.put("p99_ms", ms(pct(sorted, 99)));
        json.put("max_ms", ms(sorted[sorted.length - 1]));
        Arrays.sort(cpu);
        json.put("cpu_p50_ms", ms(pct(cpu, 50)));
        json.put("cpu_p99_ms", ms(pct(cpu, 99)));
        json.put("matches_per_query", round((double) matches / queries, 3));
        json.put("source_found", sourceFound);
        json.put("unrelated_matched", unrelatedMatched);
        json.put("verified_queries", verify);
        json.put("brute_matches", bruteMatches);
        json.put("brute_partly_matching", partlyMatching);
        json.put("recall", bruteMatches == 0 ? 1.0 : round((double) found / bruteMatches, 6));
        json.put("false_matches", falseMatches);
        json.put("percent_mismatches", percentMismatches);
        json.put("brute_s_per_query", verify == 0 ? 0 : round(bruteS / verify, 2));
        json.put("heap_bytes_per_frame", round((double) (heapAfter - heapBefore) / Math.max(1, indexed), 1));
        json.put("heap_region_bytes", regionBytes());
        json.put("accounted_bytes_per_frame",
                round((double) (pdq.memoryBytes() + index.catalogueBytes()) / Math.max(1, indexed), 1));
        json.put("index_bytes_per_hash", round(pdq.bytesPerHash(), 1));
        json.put("build_s", round(buildS, 2));
        json.put("compact_s", round(compactS, 2));
        json.put("seed", seed);
        pdq.close();
        return JSON.writeValueAsString(json);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * G1's region size (0 under another collector). An array over half a region gets regions of its
     * own, and the unused tail of its last region counts as used: with 4 MB regions (G1's choice
     * for heaps of 8 GB and more) that adds tens of bytes per frame to the heap figure.
     */
    private static long regionBytes() {
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            boolean g1 = Boolean.parseBoolean(hotspot.getVMOption("UseG1GC").getValue());
            return g1 ? Long.parseLong(hotspot.getVMOption("G1HeapRegionSize").getValue()) : 0;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long pct(long[] sorted, int p) {
        int k = (int) Math.round(p / 100.0 * (sorted.length - 1));
        return sorted[Math.min(sorted.length - 1, Math.max(0, k))];
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6, 3);
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
