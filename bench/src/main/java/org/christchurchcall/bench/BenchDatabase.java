package org.christchurchcall.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The bench's own database: dropped and created anew on every run. */
record BenchDatabase(String host, int port, String name) {
    static BenchDatabase recreate(String name) throws SQLException {
        String host = System.getenv().getOrDefault("CCALL_PGHOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("CCALL_PGPORT", "5432"));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return new BenchDatabase(host, port, name);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    long count() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from hash_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Tops the table up to {@code total} records (with their change-log entries), 100,000 rows a statement. */
    void seedPdq(long total) throws SQLException {
        try (Connection c = connect()) {
            long have = count();
            while (have < total) {
                int n = (int) Math.min(100_000, total - have);
                try (PreparedStatement ps = c.prepareStatement("""
                        with r as (
                            insert into hash_record (seq_id, id, type, value, quality, labels, contributor_id,
                                contributor_type, status, created_at, updated_at, version)
                            select nextval('hash_record_seq'), gen_random_uuid(), 'pdq',
                                md5(random()::text || g) || md5(random()::text || g), 90, '{recruitment}',
                                gen_random_uuid(), 'company', 'active', now(), now(), 0
                            from generate_series(1, ?) g
                            returning seq_id, status, labels
                        )
                        insert into hash_change (seq, hash_id, kind, status, labels, changed_at)
                        select nextval('hash_change_seq'), seq_id, 'added', status, labels, clock_timestamp() from r
                        """)) {
                    ps.setInt(1, n);
                    ps.executeUpdate();
                }
                have += n;
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze hash_record");
            }
        }
    }
}
