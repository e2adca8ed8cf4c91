package org.christchurchcall.hashmatch.hash.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.christchurchcall.hashmatch.hash.VideoFrames;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.hibernate.Session;

/**
 * The frames of vpdq records (table video_frames, one fixed-width bytea per record; see
 * {@link VideoFrames}). Written in the submitting transaction, read a page at a time.
 */
@ApplicationScoped
public class VideoFrameStore {

    @Inject
    EntityManager em;

    /** Stores each record's frames; the records must be flushed already (the key references them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Map<Long, List<VpdqFrame>> framesBySeqId) {
        if (framesBySeqId.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into video_frames (hash_id, frames) values (?, ?)")) {
                for (Map.Entry<Long, List<VpdqFrame>> e : framesBySeqId.entrySet()) {
                    ps.setLong(1, e.getKey());
                    ps.setBytes(2, VideoFrames.encode(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Up to {@code rows} frames of the record from position {@code offset} (0-based), in frame order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VpdqFrame> page(long seqId, int offset, int rows) {
        List<VpdqFrame> out = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select substring(frames from ? for ?) from video_frames where hash_id = ?")) {
                ps.setInt(1, offset * VideoFrames.FRAME_BYTES + 1);
                ps.setInt(2, rows * VideoFrames.FRAME_BYTES);
                ps.setLong(3, seqId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.addAll(VideoFrames.decode(rs.getBytes(1)));
                    }
                }
            }
        });
        return out;
    }
}
