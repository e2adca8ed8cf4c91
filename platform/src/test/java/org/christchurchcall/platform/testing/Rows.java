package org.christchurchcall.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Direct SQL on a service's test database: row counts that prove a refused request changed
 * nothing, single figures to compare with what the API says, and edits that play someone
 * tampering with stored rows. Services extend it with their own tables and seeds.
 */
public class Rows {

    private final DataSource ds;

    public Rows(DataSource ds) {
        this.ds = ds;
    }

    /** The rows of a table. */
    public long count(String table) {
        return scalar("select count(*) from " + table);
    }

    /** The number in the first column of the first row of a query (a count, a sum). */
    public long scalar(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public int exec(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code table=rows} for each table, as one string to compare before and after a request. */
    public String counts(String... tables) {
        StringBuilder sb = new StringBuilder();
        for (String t : tables) {
            sb.append(t).append('=').append(count(t)).append(' ');
        }
        return sb.toString().stripTrailing();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
