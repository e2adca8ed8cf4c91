package org.christchurchcall.hashmatch.feed.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.feed.ChangeKind;
import org.christchurchcall.hashmatch.hash.HashStatus;
import org.christchurchcall.hashmatch.hash.HashType;

/** Reads the change log in sequence (= commit) order; see {@link ChangeLog} for why that order holds. */
@ApplicationScoped
public class ChangeFeed {

    /** One change with the record's state as of that change. */
    public record Change(long seq, ChangeKind kind, Instant changedAt, UUID id, HashType type, String value,
            Integer quality, Integer frameCount, Double duration, List<String> labels, HashStatus status,
            UUID incidentId, Integer confidence, UUID contributorId) {
    }

    @Inject
    DataSource dataSource;

    /** Up to {@code rows} changes numbered above {@code afterSeq}. */
    public List<Change> after(long afterSeq, int rows) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select c.seq, c.kind, c.changed_at, c.status, c.labels,
                               r.id, r.type, r.value, r.quality, r.incident_id, r.confidence, r.contributor_id,
                               r.frame_count, r.duration
                        from hash_change c join hash_record r on r.seq_id = c.hash_id
                        where c.seq > ? order by c.seq limit ?
                        """)) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, rows);
            List<Change> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Change(rs.getLong(1), ChangeKind.fromCode(rs.getString(2)),
                            rs.getTimestamp(3).toInstant(), rs.getObject(6, UUID.class),
                            HashType.fromCode(rs.getString(7)).orElseThrow(), rs.getString(8),
                            (Integer) rs.getObject(9), (Integer) rs.getObject(13), (Double) rs.getObject(14),
                            labels(rs.getArray(5)), HashStatus.fromCode(rs.getString(4)),
                            rs.getObject(10, UUID.class), (Integer) rs.getObject(11), rs.getObject(12, UUID.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the change log failed", e);
        }
    }

    static List<String> labels(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.copyOf(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
