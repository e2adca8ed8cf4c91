package org.christchurchcall.protocol.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Direct SQL for assertions ("no row changed") and for tampering with stored rows. */
public final class Db {

    private final DataSource ds;

    public Db(DataSource ds) {
        this.ds = ds;
    }

    public long count(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int exec(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until no delivery is in flight, so that the worker does not change rows under a snapshot. */
    public Db quiet() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> count("select count(*) from notification where status = 'pending'") == 0);
        return this;
    }

    /** Row counts of every table an API call could change. */
    public String snapshot() {
        StringBuilder sb = new StringBuilder();
        for (String t : new String[] { "protocol", "protocol_level", "incident", "activation", "timeline_entry",
                "notification", "incident_participant", "acknowledgement" }) {
            sb.append(t).append('=').append(count("select count(*) from " + t)).append(' ');
        }
        sb.append("versions=").append(count("select coalesce(sum(version), 0) from incident"))
                .append('/').append(count("select coalesce(sum(version), 0) from activation"))
                .append('/').append(count("select coalesce(sum(version), 0) from protocol"));
        return sb.toString();
    }
}
