package org.christchurchcall.hashmatch.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VideoFrameIdsTest {

    private static final long LAST_SEQ = (1L << 43) - 1;
    private static final int LAST_ORDINAL = (1 << 20) - 1;

    @Test
    void theBoundsRoundTripAndAreFrames() {
        long[][] cases = {{1, 0}, {1, LAST_ORDINAL}, {LAST_SEQ, 0}, {LAST_SEQ, LAST_ORDINAL}, {123_456_789, 4242}};
        for (long[] c : cases) {
            long id = VideoFrameIds.encode(c[0], (int) c[1]);
            assertTrue(VideoFrameIds.isFrame(id));
            assertTrue(id < 0);
            assertEquals(c[0], VideoFrameIds.record(id));
            assertEquals(c[1], VideoFrameIds.ordinal(id));
        }
        assertEquals(Long.MIN_VALUE | 1L << 20, VideoFrameIds.encode(1, 0));
        assertEquals(-1L, VideoFrameIds.encode(LAST_SEQ, LAST_ORDINAL));
        assertEquals(1 << 20, VideoFrameIds.MAX_FRAMES);
    }

    @Test
    void neighbouringRecordsAndFramesGetDistinctIds() {
        assertTrue(VideoFrameIds.encode(7, LAST_ORDINAL) < VideoFrameIds.encode(8, 0));
        assertTrue(VideoFrameIds.encode(7, 0) != VideoFrameIds.encode(7, 1));
    }

    @Test
    void outOfRangeRecordsAndOrdinalsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> VideoFrameIds.encode(0, 0));
        assertThrows(IllegalArgumentException.class, () -> VideoFrameIds.encode(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> VideoFrameIds.encode(1L << 43, 0));
        assertThrows(IllegalArgumentException.class, () -> VideoFrameIds.encode(Long.MAX_VALUE, 0));
        assertThrows(IllegalArgumentException.class, () -> VideoFrameIds.encode(1, -1));
        assertThrows(IllegalArgumentException.class, () -> VideoFrameIds.encode(1, 1 << 20));
    }

    @Test
    void imageIdsAreNotFrames() {
        for (long image : new long[] {0, 1, Long.MAX_VALUE}) {
            assertFalse(VideoFrameIds.isFrame(image));
            assertThrows(IllegalArgumentException.class, () -> VideoFrameIds.record(image));
            assertThrows(IllegalArgumentException.class, () -> VideoFrameIds.ordinal(image));
        }
    }
}
