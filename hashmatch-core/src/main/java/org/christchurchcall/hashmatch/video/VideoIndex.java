package org.christchurchcall.hashmatch.video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.christchurchcall.hashmatch.index.HashIndex;
import org.christchurchcall.hashmatch.index.Match;
import org.christchurchcall.hashmatch.pdq.PdqHash;

/**
 * vPDQ videos in a shared image index: each indexed frame of a video record is one entry of the
 * {@link HashIndex} under {@link VideoFrameIds#encode}, next to the images stored under their
 * positive ids; this class keeps, per video record, only its indexed frames' timestamps (4 bytes a
 * frame) and answers video queries with HMA's rule ({@link VpdqRules.Rule#HMA}), exactly: the
 * percentages {@link #match} gives are those of {@link VpdqRules#compare} against each record's
 * frames, found through the index instead of against every video.
 *
 * <p>Thread safety: any number of concurrent searches; writes are serialised and atomic for the
 * searches of this class (a search sees a video record entirely before or entirely after a put or
 * remove). Searches wait while a write runs; a write holds the lock only while it writes that
 * one record's frames to the index. Image writes go to the {@link HashIndex} directly and follow
 * its own rules.
 *
 * <p>Over 300 lines on purpose: the query and result records are nested here as part of the API
 * ({@code VideoIndex.MatchParams}, {@code VideoIndex.VideoMatch}, ...), and the writes and the
 * three searches share one lock and one catalogue; the hit bookkeeping is {@link HitTable}, the
 * range merging {@link TimeRanges}.
 */
public final class VideoIndex {

    /** The quality a frame needs to be indexed ({@code put}) and to take part in image searches. */
    public static final int INDEX_MIN_QUALITY = 50;

    /**
     * How a video query matches.
     *
     * @param maxDistance a frame pair matches at Hamming distance &le; this (HMA: 31)
     * @param minQuality query frames below this quality are ignored (HMA: 50). It filters the query
     *     only: the records' frames were filtered at {@link #INDEX_MIN_QUALITY} when they were put,
     *     so {@code match} equals {@code VpdqRules.compare(query, record, maxDistance, minQuality, HMA)}
     *     exactly when minQuality is 50
     * @param minQueryPercent keep a record when at least this share of the query's frames matched
     * @param minTargetPercent ... and at least this share of the record's indexed frames matched
     */
    public record MatchParams(int maxDistance, int minQuality, double minQueryPercent, double minTargetPercent) {

        public MatchParams {
            if (maxDistance < 0 || maxDistance > 256) {
                throw new IllegalArgumentException("maxDistance must be 0..256");
            }
            if (minQuality < 0 || minQuality > 100) {
                throw new IllegalArgumentException("minQuality must be 0..100");
            }
            if (!(minQueryPercent >= 0 && minQueryPercent <= 100) || !(minTargetPercent >= 0 && minTargetPercent <= 100)) {
                throw new IllegalArgumentException("percentages must be 0..100");
            }
        }

        /** HMA's: distance 31, quality 50, query 80 %, target 0 %. */
        public static MatchParams defaults() {
            return new MatchParams(31, 50, 80, 0);
        }
    }

    /** A span of a video in seconds, from the first to the last matched frame's timestamp. */
    public record TimeRange(double start, double end) {
    }

    /**
     * One matching video record.
     *
     * @param queryPercent share of the query's frames (unique, quality-filtered) with a match in the record
     * @param targetPercent share of the record's indexed frames with a match in the query
     * @param queryRanges where the matched query frames are (see {@link TimeRanges} for the merging)
     * @param targetRanges where the matched frames of the record are
     * @param minDistance the smallest distance between a query frame and a frame of the record
     */
    public record VideoMatch(long seqId, double queryPercent, double targetPercent, List<TimeRange> queryRanges,
            List<TimeRange> targetRanges, int minDistance) {

        public VideoMatch {
            queryRanges = List.copyOf(queryRanges);
            targetRanges = List.copyOf(targetRanges);
        }
    }

    /** An image query's nearest frame in one video record (the earliest among equally near ones). */
    public record FrameHit(long seqId, int distance, double timestamp) {
    }

    /** Per record: its indexed frames' timestamps in ms (by ordinal) and the gap that splits ranges. */
    private record Entry(int[] millis, int maxGap) {
        int count() {
            return millis.length;
        }
    }

    private static final Comparator<VideoMatch> ORDER = Comparator.comparingDouble(VideoMatch::queryPercent)
            .reversed().thenComparingLong(VideoMatch::seqId);

    private final HashIndex index;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guarded by lock. */
    private final Map<Long, Entry> records = new HashMap<>();
    /** Guarded by lock (written under the write lock). */
    private long frameCount;

    /** Video frames go into {@code index}, which images may share (under positive ids). */
    public VideoIndex(HashIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    public HashIndex hashIndex() {
        return index;
    }

    /**
     * The frames HMA compares: unique by hash (the first occurrence kept, whatever its quality),
     * then those of quality &ge; {@code minQuality}, in their order.
     */
    public static List<VpdqFrame> indexable(List<VpdqFrame> frames, int minQuality) {
        List<VpdqFrame> out = new ArrayList<>(frames.size());
        Set<PdqHash> seen = new HashSet<>(frames.size() * 2);
        for (VpdqFrame f : frames) {
            if (seen.add(f.hash()) && f.quality() >= minQuality) {
                out.add(f);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ writes

    /**
     * Indexes the video record {@code seqId} ({@code 0 < seqId < 2^43}): its frames
     * {@code indexable(frames, 50)} under ids {@code encode(seqId, 0..)}. Replaces an earlier put
     * of the same record; its frames that the new put does not overwrite are removed. A record
     * with no indexable frame is kept (it is {@link #contains contained}) but matches nothing. If
     * the index refuses a write half way (a closed index), the record is left partly written.
     */
    public void put(long seqId, List<VpdqFrame> frames) {
        VideoFrameIds.encode(seqId, 0); // checks the id before anything is written
        List<VpdqFrame> kept = indexable(frames, INDEX_MIN_QUALITY);
        if (kept.size() > VideoFrameIds.MAX_FRAMES) {
            throw new IllegalArgumentException("a video can have at most " + VideoFrameIds.MAX_FRAMES
                    + " indexed frames, this one has " + kept.size());
        }
        int n = kept.size();
        int[] millis = new int[n];
        long[][] words = new long[n][];
        for (int i = 0; i < n; i++) {
            millis[i] = TimeRanges.toMillis(kept.get(i).timestamp());
            words[i] = kept.get(i).hash().words();
        }
        Entry entry = new Entry(millis, TimeRanges.maxGap(millis));
        lock.writeLock().lock();
        try {
            Entry old = records.get(seqId);
            for (int i = 0; i < n; i++) {
                index.put(VideoFrameIds.encode(seqId, i), words[i]);
            }
            int oldCount = old == null ? 0 : old.count();
            for (int i = n; i < oldCount; i++) {
                index.remove(VideoFrameIds.encode(seqId, i));
            }
            records.put(seqId, entry);
            frameCount += n - oldCount;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the video record and all its frames from the index; returns whether it was there. */
    public boolean remove(long seqId) {
        lock.writeLock().lock();
        try {
            Entry old = records.remove(seqId);
            if (old == null) {
                return false;
            }
            for (int i = 0; i < old.count(); i++) {
                index.remove(VideoFrameIds.encode(seqId, i));
            }
            frameCount -= old.count();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean contains(long seqId) {
        lock.readLock().lock();
        try {
            return records.containsKey(seqId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Indexed frames of all video records. */
    public long frameCount() {
        lock.readLock().lock();
        try {
            return frameCount;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of video records. */
    public int size() {
        lock.readLock().lock();
        try {
            return records.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Estimated heap bytes of the per-record catalogue (the frames' hashes are in the
     * {@link HashIndex}): per record a map node, its key, the entry and its array header, 4 bytes a frame.
     */
    public long catalogueBytes() {
        lock.readLock().lock();
        try {
            return 96L * records.size() + 4L * frameCount;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ searches

    /**
     * The video records the query matches under HMA's rule with {@code p}: the query's frames
     * {@code indexable(query, p.minQuality())} are searched one by one within {@code p.maxDistance()};
     * a record is kept when its percentages reach both minimums. Ordered by query percentage
     * (highest first), then by sequence id.
     */
    public List<VideoMatch> match(List<VpdqFrame> query, MatchParams p) {
        Objects.requireNonNull(p, "params");
        List<VpdqFrame> q = indexable(query, p.minQuality());
        if (q.isEmpty()) {
            return List.of();
        }
        List<VideoMatch> out = new ArrayList<>();
        lock.readLock().lock();
        try {
            HitTable hits = new HitTable(seqId -> {
                Entry e = records.get(seqId);
                return e == null ? 0 : e.count();
            });
            for (int i = 0; i < q.size(); i++) {
                int queryFrame = i;
                index.search(q.get(i).hash().words(), p.maxDistance(), (id, d) -> {
                    if (VideoFrameIds.isFrame(id)) {
                        hits.add(id, queryFrame, d);
                    }
                });
            }
            int[] queryMillis = null;
            int queryGap = 0;
            for (HitTable.Acc h : hits.hitRecords()) {
                double queryPercent = 100.0 * h.matchedQueryFrames / q.size();
                double targetPercent = 100.0 * h.distinct / h.count;
                if (queryPercent < p.minQueryPercent() || targetPercent < p.minTargetPercent()) {
                    continue;
                }
                if (queryMillis == null) {
                    queryMillis = new int[q.size()];
                    for (int i = 0; i < queryMillis.length; i++) {
                        queryMillis[i] = TimeRanges.toMillis(q.get(i).timestamp());
                    }
                    queryGap = TimeRanges.maxGap(queryMillis);
                }
                int[] qm = new int[h.matchedQueryFrames];
                for (int k = 0; k < qm.length; k++) {
                    qm[k] = queryMillis[h.queryFrames[k]];
                }
                Entry rec = records.get(h.seqId);
                int[] tm = new int[h.distinct];
                for (int w = 0, k = 0; w < h.ordinals.length; w++) {
                    for (long bits = h.ordinals[w]; bits != 0; bits &= bits - 1) {
                        tm[k++] = rec.millis()[(w << 6) + Long.numberOfTrailingZeros(bits)];
                    }
                }
                out.add(new VideoMatch(h.seqId, queryPercent, targetPercent, TimeRanges.merge(qm, qm.length, queryGap),
                        TimeRanges.merge(tm, tm.length, rec.maxGap()), h.minDistance));
            }
        } finally {
            lock.readLock().unlock();
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * Images (entries under positive ids in the shared index) near any frame of a video query:
     * the query's frames {@code indexable(query, 50)} are searched within {@code maxDistance}; one
     * {@link Match} per image id with its smallest distance, nearest first, then by id.
     */
    public List<Match> imageHits(List<VpdqFrame> query, int maxDistance) {
        Map<Long, Integer> best = new HashMap<>();
        for (VpdqFrame f : indexable(query, INDEX_MIN_QUALITY)) {
            index.search(f.hash().words(), maxDistance, (id, d) -> {
                if (!VideoFrameIds.isFrame(id)) {
                    best.merge(id, d, Math::min);
                }
            });
        }
        List<Match> out = new ArrayList<>(best.size());
        best.forEach((id, d) -> out.add(new Match(id, d)));
        out.sort(Match.BY_DISTANCE_THEN_ID);
        return out;
    }

    /**
     * For an image's hash: the nearest frame of each video record within {@code maxDistance} (the
     * earliest of equally near frames), nearest first, then by sequence id.
     */
    public List<FrameHit> framesNear(long[] words, int maxDistance) {
        Map<Long, long[]> best = new HashMap<>(); // record -> {distance, millis}
        lock.readLock().lock();
        try {
            index.search(words, maxDistance, (id, d) -> {
                if (!VideoFrameIds.isFrame(id)) {
                    return;
                }
                long seqId = VideoFrameIds.record(id);
                Entry rec = records.get(seqId);
                int ordinal = VideoFrameIds.ordinal(id);
                if (rec == null || ordinal >= rec.count()) {
                    return;
                }
                long ms = rec.millis()[ordinal];
                long[] b = best.get(seqId);
                if (b == null) {
                    best.put(seqId, new long[] {d, ms});
                } else if (d < b[0] || (d == b[0] && ms < b[1])) {
                    b[0] = d;
                    b[1] = ms;
                }
            });
        } finally {
            lock.readLock().unlock();
        }
        List<FrameHit> out = new ArrayList<>(best.size());
        best.forEach((seqId, b) -> out.add(new FrameHit(seqId, (int) b[0], b[1] / 1000.0)));
        out.sort(Comparator.comparingInt(FrameHit::distance).thenComparingLong(FrameHit::seqId));
        return out;
    }
}
