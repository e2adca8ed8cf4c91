package org.christchurchcall.hashmatch.video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.christchurchcall.hashmatch.video.VideoIndex.TimeRange;

/**
 * Merging matched frames' timestamps into ranges. Timestamps are kept in whole milliseconds (the
 * reference prints 3 decimals). Sorted matched timestamps stay in one range while the gap to the
 * previous one is at most {@code 2 * spacing + 1 ms}, where {@code spacing} is the median gap
 * between consecutive frames of the whole list (indexed frames of the record, or the query's
 * frames): so one unmatched frame inside a run does not split it, two do; the 1 ms absorbs the
 * rounding of frame times (33 and 34 ms gaps at 30 fps). A range runs from its first to its last
 * matched frame's timestamp (a lone frame gives {@code start == end}).
 */
final class TimeRanges {

    private TimeRanges() {
    }

    static int toMillis(double seconds) {
        long ms = Math.round(seconds * 1000);
        if (ms > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timestamp over " + Integer.MAX_VALUE / 1000 + " s");
        }
        return (int) ms;
    }

    /** The largest gap inside one range for frames at {@code millis} (any order). */
    static int maxGap(int[] millis) {
        if (millis.length < 2) {
            return 1;
        }
        int[] sorted = millis.clone();
        Arrays.sort(sorted);
        int[] gaps = new int[sorted.length - 1];
        for (int i = 1; i < sorted.length; i++) {
            gaps[i - 1] = sorted[i] - sorted[i - 1];
        }
        Arrays.sort(gaps);
        long spacing = gaps[(gaps.length - 1) / 2];
        return (int) Math.min(Integer.MAX_VALUE, 2 * spacing + 1);
    }

    /** Ranges of the first {@code n} entries of {@code millis} (sorted here, in place). */
    static List<TimeRange> merge(int[] millis, int n, int maxGap) {
        Arrays.sort(millis, 0, n);
        List<TimeRange> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int start = millis[i];
            int end = start;
            i++;
            while (i < n && millis[i] - end <= maxGap) {
                end = millis[i++];
            }
            out.add(new TimeRange(start / 1000.0, end / 1000.0));
        }
        return List.copyOf(out);
    }
}
