package org.christchurchcall.bench.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

/** The bench's check counts what a set would hide: a repeated id, a missing one, a stale one. */
class ResultCheckTest {

    /** Ids 0..3: distances 0, 5, 40 and 2 from the zero query. */
    private static final long[] WORDS = {
        0, 0, 0, 0,
        0x1FL, 0, 0, 0,
        -1L >>> 24, 0, 0, 0,
        0, 0, 0, 3,
    };
    private static final long[] QUERY = {0, 0, 0, 0};

    private static ResultCheck check(BitSet retracted) {
        return new ResultCheck(WORDS, 4, retracted, 31);
    }

    @Test
    void aCorrectResultIsClean() {
        ResultCheck c = check(new BitSet());
        c.check(QUERY, new long[] {1, 0, 3}, new int[] {5, 0, 2}, 0, 3, new long[] {0, 1}, new long[] {0, 1, 3});
        assertTrue(c.clean());
        assertEquals(1.0, c.recall());
        assertEquals(3.0, c.matchesPerQuery());
    }

    @Test
    void anIdReturnedTwiceIsADuplicate() {
        ResultCheck c = check(new BitSet());
        c.check(QUERY, new long[] {0, 1, 0}, new int[] {0, 5, 0}, 0, 3, new long[] {0, 1}, null);
        assertEquals(1, c.duplicates);
        assertEquals(0, c.falseMatches);
        assertEquals(0, c.missing);
    }

    @Test
    void aMissingPlantedOrBruteForceIdIsMissing() {
        ResultCheck c = check(new BitSet());
        c.check(QUERY, new long[] {0}, new int[] {0}, 0, 1, new long[] {0, 1}, null);
        assertEquals(1, c.missing);
        assertEquals(0.5, c.recall());
        c.check(QUERY, new long[] {0, 1}, new int[] {0, 5}, 0, 2, new long[] {0, 1}, new long[] {0, 1, 3});
        assertEquals(2, c.missing);
    }

    @Test
    void farWrongRetractedAndUnknownIdsAreFalseMatches() {
        BitSet retracted = new BitSet();
        retracted.set(3);
        ResultCheck c = check(retracted);
        c.check(QUERY, new long[] {2, 1, 3, 9}, new int[] {40, 6, 2, 0}, 0, 4, new long[0], null);
        assertEquals(4, c.falseMatches);
        assertEquals(1, c.retractedReturned);
    }

    @Test
    void onlyTheGivenSliceIsChecked() {
        ResultCheck c = check(new BitSet());
        c.check(QUERY, new long[] {2, 0, 1, 2}, new int[] {40, 0, 5, 40}, 1, 3, new long[] {0, 1}, null);
        assertTrue(c.clean());
    }
}
