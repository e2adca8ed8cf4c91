package org.christchurchcall.hashmatch.match.service;

import java.sql.SQLException;
import java.util.List;
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
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * This replica's PDQ index: built from the database at start-up, then kept current by polling
 * the change log (writes through any replica), and at once after a write through this one.
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
        Gauge.builder("hashmatch.index.size", index, PdqIndex::size).description("PDQ hashes in this replica's index")
                .register(registry);
        Gauge.builder("hashmatch.index.position", follower, IndexFollower::lastSeq)
                .description("the last change-log entry applied to the index").register(registry);
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        long started = System.nanoTime();
        long n = follower.load();
        startPolling();
        LOG.infof("PDQ index loaded: %d hashes in %d ms, %.0f bytes per hash, change log at %d", n,
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

    public long size() {
        return index.size();
    }

    public long position() {
        return follower.lastSeq();
    }

    public List<Match> search(long[] query, int maxDistance) {
        return index.search(query, maxDistance);
    }

    @PreDestroy
    void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        index.close();
    }
}
