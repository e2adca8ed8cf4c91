package org.christchurchcall.protocol.aggregate;

import java.util.Arrays;
import java.util.List;

/**
 * Count, minimum, median, mean and maximum of a set of durations in seconds, to the millisecond.
 *
 * <p>The durations are taken to the millisecond first and the mean and an even median are worked
 * out in whole milliseconds, rounded half up; with sums of doubles a mean that falls exactly on
 * half a millisecond would round one way or the other depending on the order of the additions.
 */
public record Stats(int count, Double min, Double median, Double mean, Double max) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(0, null, null, null, null);
        }
        long[] ms = millis(values);
        long sum = 0;
        for (long m : ms) {
            sum += m;
        }
        return new Stats(ms.length, seconds(ms[0]), seconds(medianMillis(ms)),
                seconds(halfUp(sum, ms.length)), seconds(ms[ms.length - 1]));
    }

    /** The median of the values (sorted or not), to the millisecond. */
    public static double median(List<Double> values) {
        return seconds(medianMillis(millis(values)));
    }

    /** The values in whole milliseconds, sorted. */
    private static long[] millis(List<Double> values) {
        long[] ms = values.stream().mapToLong(d -> Math.round(d * 1000)).toArray();
        Arrays.sort(ms);
        return ms;
    }

    private static long medianMillis(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : halfUp(sorted[n / 2 - 1] + sorted[n / 2], 2);
    }

    /** {@code sum / n} rounded half up, exactly. */
    private static long halfUp(long sum, long n) {
        return Math.floorDiv(2 * sum + n, 2 * n);
    }

    private static double seconds(long ms) {
        return ms / 1000.0;
    }
}
