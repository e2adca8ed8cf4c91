package org.christchurchcall.hashmatch.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Row counts straight from the test database, to prove that refused requests change nothing. */
@ApplicationScoped
public class Db {

    @Inject
    DataSource dataSource;

    public long count(String table) {
        return scalar("select count(*) from " + table);
    }

    /** Rows of all tables a write can touch, as one comparable string. */
    public String footprint() {
        return count("hash_record") + "/" + count("hash_change") + "/" + count("hash_feedback") + "/" + count("dispute");
    }

    public long scalar(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
