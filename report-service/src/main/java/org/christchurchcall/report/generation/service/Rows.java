package org.christchurchcall.report.generation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers that turn source payloads into table rows in a stable order. */
final class Rows {

    private Rows() {
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** One row per map entry, sorted by key so that the same figures always give the same document. */
    static List<Map<String, Object>> fromCounts(Map<String, Long> counts, String dimension, String measure) {
        List<Map<String, Object>> rows = new ArrayList<>();
        new TreeMap<>(counts).forEach((k, v) -> rows.add(row(dimension, k, measure, v)));
        return rows;
    }

    /**
     * A duration from a source, kept to the millisecond it was measured in; an integer when whole,
     * for the same reason as {@link #share}. Null stays null: no incident had the interval.
     */
    static Object seconds(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal s = value.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return s.scale() <= 0 ? (Object) s.longValueExact() : s;
    }

    /**
     * count / total to 4 decimal places, as an integer when whole (0 or 1) so that the canonical JSON
     * and every JSON reader agree on its spelling; null when the total is unknown or zero.
     */
    static Object share(Long count, long total) {
        if (count == null || total <= 0) {
            return null;
        }
        BigDecimal share = BigDecimal.valueOf(count).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return share.scale() <= 0 ? (Object) share.longValueExact() : share;
    }
}
