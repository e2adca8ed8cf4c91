package org.christchurchcall.bench.match;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.christchurchcall.hashmatch.index.HashIndex;
import org.christchurchcall.hashmatch.index.Match;
import org.christchurchcall.hashmatch.index.MatchCollector;
import org.christchurchcall.hashmatch.index.PdqIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One PDQ query against the index, in JMH ({@code bin/ccall bench jmh MatchJmh}): the raw path
 * ({@code PdqIndex.search} with a collector) and the service's path ({@code HashIndex.search}
 * returning the sorted list), on the fresh index ({@code writes=false}) or after the writes of
 * {@link MatchData} ({@code writes=true}: 1 % added, 0.1 % retracted). Queries are taken in turn
 * from {@link MatchData}'s set, so a measurement averages over planted neighbours at all
 * distances. Before measuring, the setup runs every query through both paths and fails on any
 * false, duplicate or missing match, so that the figures are of correct searches.
 *
 * <p>Sizes: {@code -p hashes=100000,1000000 -p clustered=true}; the defaults are the headline case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MatchJmh {

    @Param("1000000")
    public int hashes;

    @Param("10000")
    public int queries;

    @Param("false")
    public boolean clustered;

    @Param({"false", "true"})
    public boolean writes;

    @Param("31")
    public int threshold;

    private MatchData data;
    private PdqIndex index;
    private HashIndex service;

    @Setup(Level.Trial)
    public void setUp() {
        data = new MatchData(hashes, queries, clustered, threshold, 12345, writes ? 1.0 : 0.0, writes ? 0.1 : 0.0);
        index = data.build();
        if (writes) {
            data.applyWrites(index);
        }
        service = index;
        long[][] planted = writes ? data.plantedWritten : data.plantedFresh;
        int verify = Math.min(queries, 50);
        long[][] truth = data.truth(verify, writes);
        long stored = writes ? hashes + data.added : hashes;
        ResultCheck raw = new ResultCheck(data.words, stored, data.retractedSet, threshold);
        ResultCheck list = new ResultCheck(data.words, stored, data.retractedSet, threshold);
        for (int i = 0; i < queries; i++) {
            long[] t = i < verify ? truth[i] : null;
            Hits hits = new Hits();
            index.search(data.queries[i], threshold, hits);
            raw.check(data.queries[i], hits.ids, hits.distances, 0, hits.count, planted[i], t);
            List<Match> result = service.search(data.queries[i], threshold);
            Hits fromList = new Hits();
            result.forEach(m -> fromList.accept(m.id(), m.distance()));
            list.check(data.queries[i], fromList.ids, fromList.distances, 0, fromList.count, planted[i], t);
        }
        if (!raw.clean() || !list.clean()) {
            throw new IllegalStateException("wrong results: raw false/duplicate/missing " + raw.falseMatches + "/"
                    + raw.duplicates + "/" + raw.missing + ", list " + list.falseMatches + "/" + list.duplicates
                    + "/" + list.missing);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        index.close();
    }

    /** Each benchmark thread walks the queries from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        long[] next(MatchJmh b) {
            long[][] q = b.data.queries;
            if (next == q.length) {
                next = 0;
            }
            return q[next++];
        }
    }

    /** A caller that does something with every hit, as any real one does. */
    @State(Scope.Thread)
    public static class Sum implements MatchCollector {
        long sum;

        @Override
        public void accept(long id, int distance) {
            sum += id * 31 + distance;
        }
    }

    @Benchmark
    public void raw(Cursor cursor, Sum sum, Blackhole bh) {
        bh.consume(index.search(cursor.next(this), threshold, sum));
        bh.consume(sum.sum);
    }

    @Benchmark
    public List<Match> serviceList(Cursor cursor) {
        return service.search(cursor.next(this), threshold);
    }

    private static final class Hits implements MatchCollector {
        long[] ids = new long[16];
        int[] distances = new int[16];
        int count;

        @Override
        public void accept(long id, int distance) {
            if (count == ids.length) {
                ids = java.util.Arrays.copyOf(ids, 2 * count);
                distances = java.util.Arrays.copyOf(distances, 2 * count);
            }
            ids[count] = id;
            distances[count++] = distance;
        }
    }
}
