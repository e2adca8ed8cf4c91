package org.christchurchcall.protocol.events.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.platform.json.CanonicalJson;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Turns newly committed timeline entries into live events. It reads the database rather than
 * listening in memory, so that a subscriber on one replica sees changes made on any other.
 * Identity sequence numbers can commit out of order; a window of recently seen numbers lets a
 * late commit still be published once.
 */
@ApplicationScoped
public class IncidentEventFeed {

    private static final Logger LOG = Logger.getLogger(IncidentEventFeed.class);
    private static final long WINDOW = 1000;

    private static final String READ = """
            select t.seq, t.incident_id, t.id, t.kind, t.recorded_at, t.payload, i.exercise, i.reported_by_supporter,
                   i.protocols::text
              from timeline_entry t join incident i on i.id = t.incident_id
             where t.seq > ? order by t.seq limit 1000
            """;

    @Inject
    DataSource dataSource;

    private final BroadcastProcessor<IncidentEvent> processor = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final TreeSet<Long> published = new TreeSet<>();
    private long floor = -1;

    @PostConstruct
    void init() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from timeline_entry");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            floor = rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the timeline position", e);
        }
    }

    public Multi<IncidentEvent> stream() {
        // each subscriber gets its own buffer: a slow reader must not fail the others or itself
        return processor.onOverflow().buffer(10_000).onSubscription().invoke(s -> subscribers.incrementAndGet())
                .onTermination().invoke(() -> subscribers.decrementAndGet());
    }

    @Scheduled(every = "${ccall.events.poll-every:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void poll() {
        List<IncidentEvent> fresh = new ArrayList<>();
        long from = Math.max(0, (published.isEmpty() ? floor : Math.max(floor, published.last())) - WINDOW);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (seq <= floor || published.contains(seq)) {
                        continue;
                    }
                    published.add(seq);
                    boolean exercise = rs.getBoolean(7);
                    JsonNode protocols = CanonicalJson.read(rs.getString(9));
                    List<String> codes = new ArrayList<>();
                    protocols.forEach(n -> codes.add(n.asText()));
                    fresh.add(new IncidentEvent(seq, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), exercise,
                            exercise ? "exercise" : "live", CanonicalJson.read(rs.getString(6)),
                            rs.getObject(8, UUID.class), codes));
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("live-update poll failed, the next one retries: %s", e.toString());
            return;
        }
        while (!published.isEmpty() && published.first() < published.last() - WINDOW) {
            published.pollFirst();
        }
        if (subscribers.get() > 0) {
            fresh.forEach(processor::onNext);
        }
    }
}
