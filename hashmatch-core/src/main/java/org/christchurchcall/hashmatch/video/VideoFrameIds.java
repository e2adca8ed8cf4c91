package org.christchurchcall.hashmatch.video;

/**
 * Index ids for video frames, so that video frames and images share one {@code HashIndex}.
 *
 * <p>An image record is stored under its plain, positive sequence id. A video frame is stored
 * under {@code Long.MIN_VALUE | recordSeqId << 20 | ordinal}: the sign bit marks a frame, the next
 * 43 bits hold the video record's sequence id ({@code 0 < seqId < 2^43}) and the low 20 bits the
 * frame's ordinal among the record's indexed frames ({@code 0 <= ordinal < 2^20}).
 */
public final class VideoFrameIds {

    /** Frames one record can have in the index (2^20, over 9 hours at 30 fps, every frame). */
    public static final int MAX_FRAMES = 1 << 20;

    /** Exclusive upper bound of a record sequence id (2^43). */
    public static final long MAX_SEQ_ID = 1L << 43;

    private static final int ORDINAL_BITS = 20;

    private VideoFrameIds() {
    }

    /** The index id of frame {@code ordinal} of video record {@code recordSeqId}. */
    public static long encode(long recordSeqId, int ordinal) {
        if (recordSeqId <= 0 || recordSeqId >= MAX_SEQ_ID) {
            throw new IllegalArgumentException("a video record's sequence id must be 1.." + (MAX_SEQ_ID - 1));
        }
        if (ordinal < 0 || ordinal >= MAX_FRAMES) {
            throw new IllegalArgumentException("a frame ordinal must be 0.." + (MAX_FRAMES - 1));
        }
        return Long.MIN_VALUE | recordSeqId << ORDINAL_BITS | ordinal;
    }

    /** Whether {@code id} is a video frame's id (else it is an image record's sequence id). */
    public static boolean isFrame(long id) {
        return id < 0;
    }

    /** The video record's sequence id of the frame id {@code id}. */
    public static long record(long id) {
        requireFrame(id);
        return (id & Long.MAX_VALUE) >>> ORDINAL_BITS;
    }

    /** The frame's ordinal among its record's indexed frames. */
    public static int ordinal(long id) {
        requireFrame(id);
        return (int) (id & (MAX_FRAMES - 1));
    }

    private static void requireFrame(long id) {
        if (id >= 0) {
            throw new IllegalArgumentException("not a video frame id: " + id);
        }
    }
}
