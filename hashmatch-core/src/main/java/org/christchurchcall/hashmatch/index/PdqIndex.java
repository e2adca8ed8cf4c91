package org.christchurchcall.hashmatch.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-memory multi-index hashing over 256-bit hashes (PDQ), keyed by a caller-given {@code long}.
 *
 * <p>Recall equals a linear scan for every {@code maxDistance}: the 256 bits are split into 11
 * chunks ({@link Chunking}); any hash within {@code D} bits agrees with the query within
 * {@code D / 11} bits on some chunk, and every such chunk value is probed. Up to {@code D = 43}
 * the index probes (radius 0..3); above that it scans, which is then the cheaper way.
 *
 * <p>Layout (log-structured, so writes never wait for a rebuild and searches never lock):
 * <ul>
 *   <li>a large immutable <em>base</em> segment (compact CSR arrays, about 90 bytes per hash);
 *   <li>a few small immutable segments, each made from recent writes;
 *   <li>an append-only <em>delta</em> of the latest writes, scanned linearly (at most
 *       {@link Options#deltaCapacity()} entries); when full it is frozen into a small segment;
 *   <li>a map of the ids written since the base was built (id to write sequence number, negated
 *       for a removal): an entry is live only while it is the latest write of its id, so a
 *       replaced or removed hash stops matching at once, with no tombstone to sweep.
 * </ul>
 * A background thread merges small segments, and folds everything into a new base when the
 * recent part reaches {@code 1/fullMergeDivisor} of the base; searches keep using the previous
 * immutable state until the new one is published. A write is visible to every search that starts
 * after the write returns.
 *
 * <p>Thread safety: any number of concurrent searches; writes are serialised among themselves.
 *
 * <p>Over 300 lines on purpose: the delta, the frozen segments, the map of recent writes and the
 * background merge share one write lock and one published immutable state; their invariants are
 * read together here (the search layout itself is {@link Segment}).
 */
public final class PdqIndex implements HashIndex, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PdqIndex.class.getName());

    /** Rough heap cost of one entry of the recent-writes map (node, boxed key and value). */
    private static final long RECENT_ENTRY_BYTES = 80;

    /**
     * Tuning.
     *
     * @param deltaCapacity writes kept in the linearly scanned delta before it is frozen
     * @param maxSmallSegments small segments tolerated before they are merged into one
     * @param fullMergeDivisor fold everything into a new base when the recent part exceeds
     *     base size / this
     * @param minFullMerge ... or exceeds this many entries, whichever is larger
     * @param backgroundMerges run merges on a background thread (else only {@link #compact()})
     */
    public record Options(int deltaCapacity, int maxSmallSegments, int fullMergeDivisor,
            int minFullMerge, boolean backgroundMerges) {

        public Options {
            if (deltaCapacity < 1 || maxSmallSegments < 1 || fullMergeDivisor < 1 || minFullMerge < 1) {
                throw new IllegalArgumentException("options must be positive");
            }
        }

        public static Options defaults() {
            return new Options(2048, 4, 16, 65_536, true);
        }
    }

    private static final class Delta {
        final long[] words;
        final long[] ids;
        final long[] seqs;
        /** Entries below count are complete and never change; the volatile write publishes them. */
        volatile int count;

        Delta(int capacity) {
            words = new long[4 * capacity];
            ids = new long[capacity];
            seqs = new long[capacity];
        }

        int capacity() {
            return ids.length;
        }
    }

    /** One consistent view; replaced as a whole, never changed except by delta appends and map puts. */
    private static final class State {
        final Segment base;
        final Segment[] small;
        final Delta delta;
        final ConcurrentHashMap<Long, Long> recent;

        State(Segment base, Segment[] small, Delta delta, ConcurrentHashMap<Long, Long> recent) {
            this.base = base;
            this.small = small;
            this.delta = delta;
            this.recent = recent;
        }
    }

    private final Options options;
    private final Object writeLock = new Object();
    private final ReentrantLock mergeLock = new ReentrantLock();
    private final AtomicBoolean mergeScheduled = new AtomicBoolean();
    private volatile State state;
    private volatile long size;
    private volatile boolean closed;
    /** Guarded by writeLock. */
    private long seq;
    private ExecutorService merger;

    public PdqIndex() {
        this(Options.defaults());
    }

    public PdqIndex(Options options) {
        this.options = options;
        this.state = new State(Segment.empty(0), new Segment[0], new Delta(options.deltaCapacity()),
                new ConcurrentHashMap<>());
    }

    public Options options() {
        return options;
    }

    // ------------------------------------------------------------------ search

    @Override
    public int search(long[] query, int maxDistance, MatchCollector collector) {
        HashIndex.checkWords(query);
        HashIndex.checkDistance(maxDistance);
        State st = state;
        int[] qc = new int[Chunking.CHUNKS];
        for (int c = 0; c < Chunking.CHUNKS; c++) {
            qc[c] = Chunking.chunk(query, 0, c);
        }
        Map<Long, Long> recent = st.recent;
        int hits = st.base.search(query, qc, maxDistance, recent, collector);
        for (Segment s : st.small) {
            hits += s.search(query, qc, maxDistance, recent, collector);
        }
        return hits + scanDelta(st.delta, query, maxDistance, recent, collector);
    }

    private static int scanDelta(Delta d, long[] q, int maxDistance, Map<Long, Long> recent,
            MatchCollector out) {
        int count = d.count;
        long q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
        long[] w = d.words;
        int hits = 0;
        for (int i = 0, o = 0; i < count; i++, o += 4) {
            int dist = Long.bitCount(w[o] ^ q0) + Long.bitCount(w[o + 1] ^ q1)
                    + Long.bitCount(w[o + 2] ^ q2) + Long.bitCount(w[o + 3] ^ q3);
            if (dist <= maxDistance) {
                Long e = recent.get(d.ids[i]);
                if (e != null && e == d.seqs[i]) {
                    out.accept(d.ids[i], dist);
                    hits++;
                }
            }
        }
        return hits;
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void put(long id, long[] words) {
        HashIndex.checkWords(words);
        synchronized (writeLock) {
            ensureOpen();
            State st = state;
            boolean existed = exists(st, id);
            long s = ++seq;
            Delta d = st.delta;
            int i = d.count;
            System.arraycopy(words, 0, d.words, 4 * i, 4);
            d.ids[i] = id;
            d.seqs[i] = s;
            d.count = i + 1;
            // the new entry is in place before the map makes it (and not the old one) current
            st.recent.put(id, s);
            if (!existed) {
                size++;
            }
            if (i + 1 == d.capacity()) {
                freezeDelta(st);
            }
        }
    }

    /**
     * Adds or replaces many hashes at once: {@code words} holds {@code 4 * ids.length} longs.
     * Into an empty index this builds the base directly (the start-up path); otherwise the batch
     * becomes one small segment. A repeated id keeps its last hash.
     */
    public void putAll(long[] ids, long[] words) {
        if (ids == null || words == null || words.length != 4L * ids.length) {
            throw new IllegalArgumentException("words must hold 4 longs per id");
        }
        int[] perm = IdSort.permutation(ids, ids.length);
        int m = 0;
        long[] sids = new long[ids.length];
        long[] swords = new long[words.length];
        for (int k = 0; k < perm.length; k++) {
            int src = perm[k];
            if (k + 1 < perm.length && ids[perm[k + 1]] == ids[src]) {
                continue; // a later occurrence of the same id wins (the sort is stable)
            }
            sids[m] = ids[src];
            System.arraycopy(words, 4 * src, swords, 4 * m, 4);
            m++;
        }
        if (m == 0) {
            return;
        }
        synchronized (writeLock) {
            ensureOpen();
            State st = state;
            boolean fresh = st.base.n == 0 && st.small.length == 0 && st.delta.count == 0
                    && st.recent.isEmpty();
            if (fresh) {
                seq += m;
                Segment base = Segment.build(sids, swords, null, m, seq);
                state = new State(base, st.small, st.delta, new ConcurrentHashMap<>());
                size = m;
                return;
            }
            long[] seqs = new long[m];
            int added = 0;
            for (int i = 0; i < m; i++) {
                seqs[i] = ++seq;
                if (!exists(st, sids[i])) {
                    added++;
                }
            }
            Segment seg = Segment.build(sids, swords, seqs, m, 0);
            Segment[] small = Arrays.copyOf(st.small, st.small.length + 1);
            small[st.small.length] = seg;
            State next = new State(st.base, small, st.delta, st.recent);
            state = next;
            for (int i = 0; i < m; i++) {
                next.recent.put(sids[i], seqs[i]);
            }
            size += added;
            maybeScheduleMerge(next);
        }
    }

    @Override
    public boolean remove(long id) {
        synchronized (writeLock) {
            ensureOpen();
            State st = state;
            if (!exists(st, id)) {
                return false;
            }
            st.recent.put(id, -(++seq));
            size--;
            return true;
        }
    }

    @Override
    public boolean contains(long id) {
        synchronized (writeLock) {
            return exists(state, id);
        }
    }

    @Override
    public long size() {
        return size;
    }

    /** Ids absent from the recent map are exactly as the base has them. */
    private static boolean exists(State st, long id) {
        Long e = st.recent.get(id);
        if (e != null) {
            return e > 0;
        }
        return st.base.slotOf(id) >= 0;
    }

    /** Caller holds writeLock. Turns the delta into a small segment and starts a new delta. */
    private void freezeDelta(State st) {
        Delta d = st.delta;
        int n = d.count;
        int[] perm = IdSort.permutation(d.ids, n);
        long[] ids = new long[n];
        long[] seqs = new long[n];
        long[] words = new long[4 * n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int src = perm[k];
            Long e = st.recent.get(d.ids[src]);
            if (e == null || e != d.seqs[src]) {
                continue; // replaced or removed already
            }
            ids[m] = d.ids[src];
            seqs[m] = d.seqs[src];
            System.arraycopy(d.words, 4 * src, words, 4 * m, 4);
            m++;
        }
        Segment[] small = st.small;
        if (m > 0) {
            small = Arrays.copyOf(st.small, st.small.length + 1);
            small[st.small.length] = Segment.build(ids, words, seqs, m, 0);
        }
        State next = new State(st.base, small, new Delta(options.deltaCapacity()), st.recent);
        state = next;
        maybeScheduleMerge(next);
    }

    // ------------------------------------------------------------------ merges

    /**
     * Folds everything written so far into a new base, synchronously. Searches go on meanwhile.
     * Used after a bulk load and by tests; the background merger does the same on its own.
     */
    public void compact() {
        synchronized (writeLock) {
            ensureOpen();
            if (state.delta.count > 0) {
                freezeDelta(state);
            }
        }
        mergeLock.lock();
        try {
            fullMerge();
        } finally {
            mergeLock.unlock();
        }
    }

    private boolean needsFullMerge(State st) {
        long recentEntries = st.delta.count;
        for (Segment s : st.small) {
            recentEntries += s.n;
        }
        return recentEntries >= Math.max(options.minFullMerge(), st.base.n / options.fullMergeDivisor());
    }

    private boolean needsMerge(State st) {
        return st.small.length > options.maxSmallSegments() || needsFullMerge(st);
    }

    private void maybeScheduleMerge(State st) {
        if (!options.backgroundMerges() || closed || !needsMerge(st)) {
            return;
        }
        if (!mergeScheduled.compareAndSet(false, true)) {
            return;
        }
        if (merger == null) {
            merger = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "pdq-index-merge");
                t.setDaemon(true);
                return t;
            });
        }
        merger.execute(this::backgroundMerge);
    }

    private void backgroundMerge() {
        try {
            while (!closed) {
                mergeLock.lock();
                try {
                    State st = state;
                    if (needsFullMerge(st)) {
                        fullMerge();
                    } else if (st.small.length > options.maxSmallSegments()) {
                        mergeSmall();
                    } else {
                        break;
                    }
                } finally {
                    mergeLock.unlock();
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // the index stays correct without merging, only slower; say so and try again later
            LOG.log(System.Logger.Level.ERROR, "PDQ index merge failed", e);
        } finally {
            mergeScheduled.set(false);
        }
        synchronized (writeLock) {
            if (!closed) {
                maybeScheduleMerge(state);
            }
        }
    }

    /** Caller holds mergeLock. Merges all small segments into one. */
    private void mergeSmall() {
        State snap = state;
        Segment[] inputs = snap.small;
        if (inputs.length < 2) {
            return;
        }
        Segment merged = mergeLive(null, inputs, snap.recent, 0);
        synchronized (writeLock) {
            State cur = state;
            List<Segment> small = remaining(cur.small, inputs);
            if (merged.n > 0) {
                small.add(0, merged);
            }
            state = new State(cur.base, small.toArray(new Segment[0]), cur.delta, cur.recent);
        }
    }

    /** Caller holds mergeLock. Builds a new base from the base and all small segments. */
    private void fullMerge() {
        State snap;
        long baseSeq;
        synchronized (writeLock) {
            snap = state;
            Delta d = snap.delta;
            // everything written up to baseSeq is in the inputs; the delta is newer
            baseSeq = d.count > 0 ? d.seqs[0] - 1 : seq;
        }
        if (snap.small.length == 0 && snap.recent.isEmpty()) {
            return;
        }
        Segment base = mergeLive(snap.base, snap.small, snap.recent, baseSeq);
        synchronized (writeLock) {
            State cur = state;
            List<Segment> small = remaining(cur.small, snap.small);
            ConcurrentHashMap<Long, Long> recent = new ConcurrentHashMap<>();
            for (Map.Entry<Long, Long> e : cur.recent.entrySet()) {
                if (Math.abs(e.getValue()) > baseSeq) {
                    recent.put(e.getKey(), e.getValue());
                }
            }
            // searches already running keep the old state, whose map stays as it was
            state = new State(base, small.toArray(new Segment[0]), cur.delta, recent);
        }
    }

    private static List<Segment> remaining(Segment[] current, Segment[] merged) {
        List<Segment> out = new ArrayList<>();
        outer:
        for (Segment s : current) {
            for (Segment m : merged) {
                if (s == m) {
                    continue outer;
                }
            }
            out.add(s);
        }
        return out;
    }

    /**
     * The live entries of {@code base} (may be null) and {@code small}, sorted by id, as a base
     * segment when {@code base != null}, else as a small segment keeping sequence numbers.
     */
    private static Segment mergeLive(Segment base, Segment[] small, Map<Long, Long> recent,
            long baseSeq) {
        long total = base == null ? 0 : base.n;
        for (Segment s : small) {
            total += s.n;
        }
        if (total > Segment.MAX_SIZE) {
            throw new IllegalStateException("index larger than " + Segment.MAX_SIZE + " hashes");
        }
        int cap = (int) total;
        long[] ids = new long[cap];
        long[] seqs = new long[cap];
        long[] words = new long[4 * cap];
        int m = 0;
        List<Segment> all = new ArrayList<>();
        if (base != null) {
            all.add(base);
        }
        all.addAll(Arrays.asList(small));
        for (Segment s : all) {
            for (int i = 0; i < s.n; i++) {
                if (!s.live(i, recent)) {
                    continue;
                }
                ids[m] = s.ids[i];
                seqs[m] = s.seqs == null ? 0 : s.seqs[i];
                System.arraycopy(s.words, 4 * i, words, 4 * m, 4);
                m++;
            }
        }
        int[] perm = IdSort.permutation(ids, m);
        long[] sids = new long[m];
        long[] sseqs = new long[m];
        long[] swords = new long[4 * m];
        int k = 0;
        for (int j = 0; j < m; j++) {
            int src = perm[j];
            // one live version per id by construction; if a race left two, the newer wins
            if (j + 1 < m && ids[perm[j + 1]] == ids[src]) {
                continue;
            }
            sids[k] = ids[src];
            sseqs[k] = seqs[src];
            System.arraycopy(words, 4 * src, swords, 4 * k, 4);
            k++;
        }
        if (base != null) {
            return Segment.build(sids, swords, null, k, baseSeq);
        }
        return Segment.build(sids, swords, sseqs, k, 0);
    }

    // ------------------------------------------------------------------ accounting

    /** Heap bytes held by the index structures (arrays exactly, the recent-writes map estimated). */
    public long memoryBytes() {
        State st = state;
        long b = st.base.bytes();
        for (Segment s : st.small) {
            b += s.bytes();
        }
        b += 48L * st.delta.capacity();
        b += RECENT_ENTRY_BYTES * st.recent.size();
        return b;
    }

    /** {@link #memoryBytes()} per stored hash. */
    public double bytesPerHash() {
        long n = size;
        return n == 0 ? 0 : (double) memoryBytes() / n;
    }

    /** Number of small segments and delta entries pending a merge (for monitoring and tests). */
    public int pendingSegments() {
        return state.small.length;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("index closed");
        }
    }

    /** Stops the background merger; the index can still be searched but no longer written. */
    @Override
    public void close() {
        ExecutorService m;
        synchronized (writeLock) {
            closed = true;
            m = merger;
        }
        if (m != null) {
            m.shutdown();
            try {
                m.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
