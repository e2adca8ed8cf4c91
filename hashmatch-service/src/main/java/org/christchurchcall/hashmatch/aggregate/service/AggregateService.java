package org.christchurchcall.hashmatch.aggregate.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Figures for transparency reports. They never name a contributor: contributions are counted by
 * the contributor's supporter type only.
 */
@ApplicationScoped
public class AggregateService {

    /** The records as they stand now. */
    public record Holdings(long total, Map<String, Long> byType, Map<String, Long> byStatus, Map<String, Long> byLabel,
            Map<String, Long> byContributorType) {
    }

    /** Additions and retractions within the period. */
    public record Flow(long added, long retracted, Map<String, Long> addedByType) {
    }

    public record FeedbackFigures(long agree, long disagree) {
    }

    public record DisputeFigures(long raised, long resolved, Map<String, Long> outcomes, long openNow) {
    }

    /** Matches served, summed per day: the period is widened to whole UTC days. */
    public record MatchFigures(long queries, long matches, Map<String, Long> matchesByType) {
    }

    public record Aggregates(Instant from, Instant to, Holdings records, Flow period, FeedbackFigures feedback,
            DisputeFigures disputes, MatchFigures matches) {
    }

    @Inject
    DataSource dataSource;

    public Aggregates compute(Instant from, Instant to) {
        try (Connection c = dataSource.getConnection()) {
            // one snapshot for all figures, so that they add up
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Timestamp f = Timestamp.from(from);
                Timestamp t = Timestamp.from(to);
                Holdings holdings = new Holdings(
                        single(c, "select count(*) from hash_record"),
                        grouped(c, "select type, count(*) from hash_record group by type"),
                        grouped(c, "select status, count(*) from hash_record group by status"),
                        grouped(c, "select l, count(*) from hash_record, unnest(labels) l group by l"),
                        grouped(c, "select contributor_type, count(*) from hash_record group by contributor_type"));
                Flow flow = new Flow(
                        single(c, "select count(*) from hash_record where created_at >= ? and created_at < ?", f, t),
                        single(c, "select count(*) from hash_change where kind = 'retracted' and changed_at >= ? and changed_at < ?",
                                f, t),
                        grouped(c, "select type, count(*) from hash_record where created_at >= ? and created_at < ? group by type",
                                f, t));
                Map<String, Long> verdicts = grouped(c,
                        "select verdict, count(*) from hash_feedback where created_at >= ? and created_at < ? group by verdict",
                        f, t);
                FeedbackFigures feedback = new FeedbackFigures(verdicts.getOrDefault("agree", 0L),
                        verdicts.getOrDefault("disagree", 0L));
                Map<String, Long> outcomes = new TreeMap<>(Map.of("keep", 0L, "relabel", 0L, "retract", 0L));
                outcomes.putAll(grouped(c,
                        "select outcome, count(*) from dispute where resolved_at >= ? and resolved_at < ? group by outcome",
                        f, t));
                DisputeFigures disputes = new DisputeFigures(
                        single(c, "select count(*) from dispute where opened_at >= ? and opened_at < ?", f, t),
                        outcomes.values().stream().mapToLong(Long::longValue).sum(), outcomes,
                        single(c, "select count(*) from dispute where status = 'open'"));
                java.sql.Date fromDay = java.sql.Date.valueOf(from.atZone(ZoneOffset.UTC).toLocalDate());
                java.sql.Date toDay = java.sql.Date.valueOf(to.atZone(ZoneOffset.UTC).toLocalDate());
                MatchFigures matches = new MatchFigures(
                        single(c, "select coalesce(sum(queries), 0) from match_tally where day >= ? and day <= ?", fromDay,
                                toDay),
                        single(c, "select coalesce(sum(matches), 0) from match_tally where day >= ? and day <= ?", fromDay,
                                toDay),
                        grouped(c, "select type, sum(matches) from match_tally where day >= ? and day <= ? group by type",
                                fromDay, toDay));
                return new Aggregates(from, to, holdings, flow, feedback, disputes, matches);
            } finally {
                // pooled connections are shared: hand it back as it was lent
                c.rollback();
                c.setAutoCommit(true);
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("computing aggregates failed", e);
        }
    }

    private static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> grouped(Connection c, String sql, Object... params) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
