package org.christchurchcall.protocol.aggregate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Count, minimum, median, mean and maximum of a set of durations in seconds. */
public record Stats(int count, Double min, Double median, Double mean, Double max) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(0, null, null, null, null);
        }
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return new Stats(v.size(), v.get(0), median(v), round(sum / v.size()), v.get(v.size() - 1));
    }

    /** The median of sorted values. */
    public static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
