package org.christchurchcall.hashmatch.match.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.feed.service.ChangeLog;
import org.christchurchcall.hashmatch.index.Match;
import org.christchurchcall.hashmatch.index.PdqIndex;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.video.VideoFrameIds;
import org.christchurchcall.hashmatch.video.VideoIndex;
import org.christchurchcall.hashmatch.video.VideoIndex.FrameHit;
import org.christchurchcall.hashmatch.video.VideoIndex.MatchParams;
import org.christchurchcall.hashmatch.video.VideoIndex.VideoMatch;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * This replica's PDQ index: built from the database at start-up, then kept current by polling
 * the change log (writes through any replica), and at once after a write through this one. It
 * holds image hashes under their record's sequence id and the frames of videos (vpdq) under
 * negative ids ({@link VideoFrameIds}); every search here says which of the two it wants.
 */
@ApplicationScoped
public class IndexFollowerService {

    private static final Logger LOG = Logger.getLogger(IndexFollowerService.class);

    private final PdqIndex index = new PdqIndex();
    private final IndexFollower follower;
    private ScheduledExecutorService poller;

    @Inject
    HashmatchConfig config;

    @Inject
    public IndexFollowerService(DataSource dataSource, MeterRegistry registry) {
        this.follower = new IndexFollower(dataSource, index);
        Gauge.builder("hashmatch.index.size", index, PdqIndex::size)
                .description("PDQ hashes in this replica's index: images and video frames").register(registry);
        Gauge.builder("hashmatch.index.videos", follower.videos(), VideoIndex::size)
                .description("vpdq records in this replica's index").register(registry);
        Gauge.builder("hashmatch.index.video.frames", follower.videos(), VideoIndex::frameCount)
                .description("video frames in this replica's index (of quality 50 or more, unique per video)")
                .register(registry);
        Gauge.builder("hashmatch.index.position", follower, IndexFollower::lastSeq)
                .description("the last change-log entry applied to the index").register(registry);
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        long started = System.nanoTime();
        long n = follower.load();
        startPolling();
        LOG.infof("PDQ index loaded: %d records (%d videos, %d of their frames) in %d ms, %.0f bytes per hash, "
                + "change log at %d", n, follower.videos().size(), follower.videos().frameCount(),
                (System.nanoTime() - started) / 1_000_000, index.bytesPerHash(), follower.lastSeq());
    }

    /**
     * Picks up writes made through other replicas; the interval bounds how stale this replica can
     * be. A thread of its own rather than Quarkus Scheduler, whose interval cannot go below one
     * second: with one second plus the query, "matchable everywhere within two seconds" would
     * have no margin.
     */
    private void startPolling() {
        long every = Math.max(50, config.followInterval().toMillis());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pdq-index-follower");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::catchUp, every, every, TimeUnit.MILLISECONDS);
    }

    /** A write through this replica committed: apply it now rather than at the next poll. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeLog.Appended appended) {
        catchUp();
    }

    public void catchUp() {
        try {
            follower.catchUp();
        } catch (SQLException | RuntimeException e) {
            // the next poll retries from the same position; nothing is skipped
            LOG.warnf(e, "following the change log failed at position %d", follower.lastSeq());
        }
    }

    public boolean loaded() {
        return follower.loaded();
    }

    /** Hashes in the index: images and video frames. */
    public long size() {
        return index.size();
    }

    /** Video records in the index. */
    public int videos() {
        return follower.videos().size();
    }

    public long position() {
        return follower.lastSeq();
    }

    /** Image records within {@code maxDistance} of the hash, nearest first (video frames are left out). */
    public List<Match> searchImages(long[] query, int maxDistance) {
        List<Match> out = new ArrayList<>();
        index.search(query, maxDistance, (id, d) -> {
            if (!VideoFrameIds.isFrame(id)) {
                out.add(new Match(id, d));
            }
        });
        out.sort(Match.BY_DISTANCE_THEN_ID);
        return out;
    }

    /** The nearest frame of each video within {@code maxDistance} of an image's hash. */
    public List<FrameHit> videosWithFrameNear(long[] query, int maxDistance) {
        return follower.videos().framesNear(query, maxDistance);
    }

    /** The videos a video query matches (HMA's rule with these parameters). */
    public List<VideoMatch> matchVideo(List<VpdqFrame> query, MatchParams params) {
        return follower.videos().match(query, params);
    }

    /** An image near frames of a video query: its nearest distance and the timestamps of those frames. */
    public record ImageHit(long seqId, int distance, List<Double> timestamps) {
    }

    /**
     * Image records within {@code maxDistance} of any frame of a video query of quality at least
     * {@code minQuality}, with the timestamps of the frames that matched; nearest first. Each
     * distinct frame hash is searched once (a still scene repeats the same hash).
     */
    public List<ImageHit> imagesNearFrames(List<VpdqFrame> query, int maxDistance, int minQuality) {
        Map<PdqHash, List<Double>> byHash = new LinkedHashMap<>();
        for (VpdqFrame f : query) {
            if (f.quality() >= minQuality) {
                byHash.computeIfAbsent(f.hash(), h -> new ArrayList<>()).add(f.timestamp());
            }
        }
        Map<Long, Integer> best = new HashMap<>();
        Map<Long, List<Double>> times = new HashMap<>();
        byHash.forEach((hash, ts) -> index.search(hash.words(), maxDistance, (id, d) -> {
            if (!VideoFrameIds.isFrame(id)) {
                best.merge(id, d, Math::min);
                times.computeIfAbsent(id, k -> new ArrayList<>()).addAll(ts);
            }
        }));
        List<ImageHit> out = new ArrayList<>(best.size());
        best.forEach((id, d) -> {
            List<Double> t = times.get(id);
            t.sort(null);
            out.add(new ImageHit(id, d, List.copyOf(t)));
        });
        out.sort((a, b) -> a.distance() != b.distance() ? Integer.compare(a.distance(), b.distance())
                : Long.compare(a.seqId(), b.seqId()));
        return out;
    }

    @PreDestroy
    void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        index.close();
    }
}
