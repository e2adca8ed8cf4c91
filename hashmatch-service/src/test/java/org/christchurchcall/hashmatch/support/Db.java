package org.christchurchcall.hashmatch.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.christchurchcall.hashmatch.hash.VideoFrames;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.platform.testing.Rows;

/** Row counts straight from the test database, to prove that refused requests change nothing, and seeds. */
@Singleton
public class Db extends Rows {

    private final DataSource dataSource;

    @Inject
    public Db(DataSource dataSource) {
        super(dataSource);
        this.dataSource = dataSource;
    }

    /** Rows of all tables a write can touch, as one comparable string. */
    public String footprint() {
        return count("hash_record") + "/" + count("hash_change") + "/" + count("hash_feedback") + "/" + count("dispute")
                + "/" + count("video_frames");
    }

    /** Seeds records of a bench contributor (with their change-log entries) until the table holds at least {@code total}. */
    public void seedRecords(int total) {
        long missing = total - count("hash_record");
        if (missing > 0) {
            insertRecords(SEED_CONTRIBUTOR, (int) missing);
        }
    }

    /** Seeds {@code n} PDQ records shared by this contributor; returns their values. */
    public List<String> seedRecordsOf(UUID contributor, int n) {
        return insertRecords(contributor, n);
    }

    /**
     * Seeds {@code n} vpdq records of random frames ({@code frames} each, one a second, quality
     * 100) with their frames and change-log entries, as a bench contributor.
     */
    public void seedVideos(int n, int frames) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement rec = c.prepareStatement("""
                    insert into hash_record (seq_id, id, type, value, quality, labels, contributor_id, contributor_type,
                        status, created_at, updated_at, version, frame_count, duration)
                    values (nextval('hash_record_seq'), gen_random_uuid(), 'vpdq', ?, 100, '{video}', ?, 'company',
                        'active', now(), now(), 0, ?, ?)
                    returning seq_id
                    """);
                    PreparedStatement frame = c.prepareStatement("insert into video_frames (hash_id, frames) values (?, ?)");
                    PreparedStatement change = c.prepareStatement("""
                            insert into hash_change (seq, hash_id, kind, status, labels, changed_at)
                            values (nextval('hash_change_seq'), ?, 'added', 'active', '{video}', clock_timestamp())
                            """)) {
                for (int i = 0; i < n; i++) {
                    List<VpdqFrame> video = new ArrayList<>(frames);
                    for (int k = 0; k < frames; k++) {
                        video.add(new VpdqFrame(k, 100, PdqHash.fromHex(Api.hex(64)), k));
                    }
                    rec.setString(1, VideoFrames.digest(video));
                    rec.setObject(2, SEED_CONTRIBUTOR);
                    rec.setInt(3, frames);
                    rec.setDouble(4, frames - 1);
                    long seq;
                    try (ResultSet rs = rec.executeQuery()) {
                        rs.next();
                        seq = rs.getLong(1);
                    }
                    frame.setLong(1, seq);
                    frame.setBytes(2, VideoFrames.encode(video));
                    frame.addBatch();
                    change.setLong(1, seq);
                    change.addBatch();
                }
                frame.executeBatch();
                change.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (PreparedStatement analyze = c.prepareStatement("analyze hash_record")) {
                analyze.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final UUID SEED_CONTRIBUTOR = UUID.fromString("5eed0000-0000-4000-8000-000000000001");

    private List<String> insertRecords(UUID contributor, int n) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with r as (
                    insert into hash_record (seq_id, id, type, value, quality, labels, contributor_id,
                        contributor_type, status, created_at, updated_at, version)
                    select nextval('hash_record_seq'), gen_random_uuid(), 'pdq',
                        md5(random()::text || g) || md5(random()::text || g), 90, '{recruitment}', ?, 'company',
                        'active', now(), now(), 0
                    from generate_series(1, ?) g
                    returning seq_id, value, status, labels
                ), c as (
                    insert into hash_change (seq, hash_id, kind, status, labels, changed_at)
                    select nextval('hash_change_seq'), seq_id, 'added', status, labels, clock_timestamp() from r
                )
                select value from r
                """)) {
            ps.setObject(1, contributor);
            ps.setInt(2, n);
            List<String> values = new ArrayList<>(n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            // as autovacuum would soon: the planner sees the table as it is
            try (PreparedStatement analyze = c.prepareStatement("analyze hash_record")) {
                analyze.execute();
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
