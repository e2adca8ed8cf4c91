package org.christchurchcall.hashmatch.match.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.hash.HashType;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Counts matches served: per replica as Micrometer counters, and for reports as a daily tally in
 * the database. Requests only add to memory; a scheduled flush adds the sums to the tally, so a
 * busy matcher does not write a row per request.
 */
@ApplicationScoped
public class MatchTally {

    private static final Logger LOG = Logger.getLogger(MatchTally.class);

    private record Key(LocalDate day, HashType type) {
    }

    private static final class Sums {
        final LongAdder queries = new LongAdder();
        final LongAdder matches = new LongAdder();
    }

    private final Map<Key, Sums> pending = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    public void count(HashType type, long queries, long matches) {
        Counter.builder("hashmatch.match.queries").tag("type", type.code()).description("hash queries answered")
                .register(registry).increment(queries);
        Counter.builder("hashmatch.match.matches").tag("type", type.code()).description("matches served")
                .register(registry).increment(matches);
        Sums s = pending.computeIfAbsent(new Key(LocalDate.now(ZoneOffset.UTC), type), k -> new Sums());
        s.queries.add(queries);
        s.matches.add(matches);
    }

    @Scheduled(every = "${ccall.hashmatch.tally-flush-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void flush() {
        for (Map.Entry<Key, Sums> e : pending.entrySet()) {
            long q = e.getValue().queries.sumThenReset();
            long m = e.getValue().matches.sumThenReset();
            if (q == 0 && m == 0) {
                // entries stay: removing one could lose a count added concurrently (a few per day)
                continue;
            }
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    insert into match_tally (day, type, queries, matches) values (?, ?, ?, ?)
                    on conflict (day, type) do update
                    set queries = match_tally.queries + excluded.queries, matches = match_tally.matches + excluded.matches
                    """)) {
                ps.setObject(1, e.getKey().day());
                ps.setString(2, e.getKey().type().code());
                ps.setLong(3, q);
                ps.setLong(4, m);
                ps.executeUpdate();
            } catch (SQLException ex) {
                // keep the sums for the next flush
                e.getValue().queries.add(q);
                e.getValue().matches.add(m);
                LOG.warn("adding to the match tally failed; retrying at the next flush", ex);
            }
        }
    }

    @PreDestroy
    void shutdown() {
        flush();
    }
}
