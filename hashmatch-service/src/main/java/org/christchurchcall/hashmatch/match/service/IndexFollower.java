package org.christchurchcall.hashmatch.match.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.christchurchcall.hashmatch.index.HashIndex;
import org.christchurchcall.hashmatch.index.PdqIndex;
import org.christchurchcall.hashmatch.hash.VideoFrames;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.video.VideoIndex;

/**
 * Keeps one in-memory index equal to the database's PDQ and vPDQ records that are not retracted:
 * a snapshot at start-up, then the change log after the snapshot's position. Images go into the
 * index under their sequence id; a video's frames go into the same index through
 * {@link VideoIndex}, under negative ids ({@code VideoFrameIds}). Every replica runs one
 * and they all converge, whichever replica took a write. The change log is numbered in commit
 * order (see ChangeLog), so following {@code seq > last} never misses a change.
 *
 * <p>Plain Java over a {@link DataSource}, so that a test can run a second follower with its own
 * index against the same database, as a second replica would.
 */
public final class IndexFollower {

    static final int PAGE = 5_000;
    /** Puts of at least this many consecutive additions go in as one segment rather than one by one. */
    static final int BATCH = 256;
    /** Videos whose frames are read in one query (a record's frames are at most a few hundred KB). */
    static final int VIDEO_BATCH = 64;

    private final DataSource dataSource;
    private final HashIndex index;
    private final VideoIndex videos;
    private volatile long lastSeq = -1;

    public IndexFollower(DataSource dataSource, HashIndex index) {
        this.dataSource = dataSource;
        this.index = index;
        this.videos = new VideoIndex(index);
    }

    /** The videos, whose frames share {@link #index()}. */
    public VideoIndex videos() {
        return videos;
    }

    public boolean loaded() {
        return lastSeq >= 0;
    }

    /** The last change applied; -1 before {@link #load()}. */
    public long lastSeq() {
        return lastSeq;
    }

    public HashIndex index() {
        return index;
    }

    /**
     * Loads every PDQ and vPDQ record that is not retracted, and the change log position, from one
     * snapshot: the changes after that position are exactly those the snapshot does not show.
     * Returns the number of records (images and videos) loaded.
     */
    public synchronized long load() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                long high;
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select coalesce(max(seq), 0) from hash_change")) {
                    rs.next();
                    high = rs.getLong(1);
                }
                long[] ids = new long[1024];
                long[] words = new long[4 * 1024];
                int n = 0;
                try (PreparedStatement ps = c.prepareStatement(
                        "select seq_id, value from hash_record where type = 'pdq' and status <> 'retracted'")) {
                    ps.setFetchSize(10_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (n == ids.length) {
                                ids = Arrays.copyOf(ids, n * 2);
                                words = Arrays.copyOf(words, 8 * n);
                            }
                            ids[n] = rs.getLong(1);
                            System.arraycopy(PdqHash.fromHex(rs.getString(2)).words(), 0, words, 4 * n, 4);
                            n++;
                        }
                    }
                }
                putAll(Arrays.copyOf(ids, n), Arrays.copyOf(words, 4 * n));
                int v = 0;
                try (PreparedStatement ps = c.prepareStatement("""
                        select r.seq_id, f.frames from hash_record r join video_frames f on f.hash_id = r.seq_id
                        where r.type = 'vpdq' and r.status <> 'retracted'
                        """)) {
                    ps.setFetchSize(VIDEO_BATCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            videos.put(rs.getLong(1), VideoFrames.decode(rs.getBytes(2)));
                            v++;
                        }
                    }
                }
                lastSeq = high;
                return n + v;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    /** Applies every change after the last one applied; returns how many it read. */
    public synchronized int catchUp() throws SQLException {
        if (!loaded()) {
            return 0;
        }
        int total = 0;
        while (true) {
            Additions additions = new Additions();
            Set<Long> newVideos = new LinkedHashSet<>();
            int read = 0;
            long last = lastSeq;
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement("""
                            select c.seq, c.status, r.seq_id, case when r.type = 'pdq' then r.value end, r.type = 'vpdq'
                            from hash_change c join hash_record r on r.seq_id = c.hash_id
                            where c.seq > ? order by c.seq limit ?
                            """)) {
                    ps.setLong(1, last);
                    ps.setInt(2, PAGE);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            read++;
                            last = rs.getLong(1);
                            long id = rs.getLong(3);
                            boolean retracted = "retracted".equals(rs.getString(2));
                            if (rs.getBoolean(5)) {
                                // a video's frames never change: read them once, when it first appears
                                if (retracted) {
                                    newVideos.remove(id);
                                    videos.remove(id);
                                } else if (!videos.contains(id)) {
                                    newVideos.add(id);
                                }
                                continue;
                            }
                            String pdq = rs.getString(4);
                            if (pdq == null) {
                                continue;
                            }
                            if (retracted) {
                                additions.flush();
                                index.remove(id);
                            } else if (!index.contains(id)) {
                                // labels and status do not matter to the index; only presence does
                                additions.add(id, PdqHash.fromHex(pdq).words());
                            }
                        }
                    }
                }
                putVideos(c, new ArrayList<>(newVideos));
            }
            additions.flush();
            lastSeq = last;
            total += read;
            if (read < PAGE) {
                return total;
            }
        }
    }

    /** Reads the frames of these video records and indexes them, a batch of records per query. */
    private void putVideos(Connection c, List<Long> seqIds) throws SQLException {
        for (int from = 0; from < seqIds.size(); from += VIDEO_BATCH) {
            List<Long> batch = seqIds.subList(from, Math.min(seqIds.size(), from + VIDEO_BATCH));
            try (PreparedStatement ps = c.prepareStatement("select hash_id, frames from video_frames where hash_id = any(?)")) {
                Array ids = c.createArrayOf("bigint", batch.toArray());
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        videos.put(rs.getLong(1), VideoFrames.decode(rs.getBytes(2)));
                    }
                } finally {
                    ids.free();
                }
            }
        }
    }

    /** Consecutive additions, put in as one segment when there are many (a bulk submission). */
    private final class Additions {
        private long[] ids = new long[16];
        private long[] words = new long[64];
        private int n;

        void add(long id, long[] w) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, 2 * n);
                words = Arrays.copyOf(words, 8 * n);
            }
            ids[n] = id;
            System.arraycopy(w, 0, words, 4 * n, 4);
            n++;
        }

        void flush() {
            if (n >= BATCH) {
                putAll(Arrays.copyOf(ids, n), Arrays.copyOf(words, 4 * n));
            } else {
                for (int i = 0; i < n; i++) {
                    index.put(ids[i], Arrays.copyOfRange(words, 4 * i, 4 * i + 4));
                }
            }
            n = 0;
        }
    }

    private void putAll(long[] ids, long[] words) {
        if (index instanceof PdqIndex pdq) {
            pdq.putAll(ids, words);
        } else {
            for (int i = 0; i < ids.length; i++) {
                index.put(ids[i], Arrays.copyOfRange(words, 4 * i, 4 * i + 4));
            }
        }
    }
}
