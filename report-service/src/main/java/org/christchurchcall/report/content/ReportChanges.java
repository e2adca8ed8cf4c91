package org.christchurchcall.report.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What changed in a report from one version to the next: per figure, whether it became available
 * or missing, and each value that differs, identified by its row's dimension values.
 */
public record ReportChanges(@Schema(example = "2024-q2") String period, @Schema(example = "2") int version,
        @Schema(description = "null for a first version", example = "1") Integer previousVersion,
        @Schema(example = "9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab") String previousSha256,
        List<FigureChange> figures) {

    public static final String VALUES_CHANGED = "values-changed";
    public static final String NOW_AVAILABLE = "now-available";
    public static final String NOW_MISSING = "now-missing";
    public static final String ADDED = "added";

    public record FigureChange(@Schema(example = "hashes-by-type") String figure,
            @Schema(example = "Hashes by type") String title,
            @Schema(enumeration = { "values-changed", "now-available", "now-missing", "added" },
                    example = "values-changed") String change,
            List<ValueChange> values) {
    }

    /** {@code previous} or {@code current} is null when the row did not exist in that version. */
    public record ValueChange(@Schema(description = "The row's dimension values", example = "{\"type\": \"pdq\"}")
            Map<String, Object> row,
            @Schema(example = "hashes") String column, @Schema(example = "120") Object previous,
            @Schema(example = "125") Object current, @Schema(description = "current - previous, for numbers", example = "5")
            Object delta) {
    }

    public static ReportChanges between(ReportSnapshot previous, ReportSnapshot current) {
        if (previous == null) {
            return new ReportChanges(current.period().key(), current.version(), null, null, List.of());
        }
        List<FigureChange> figures = new ArrayList<>();
        for (FigureTable now : current.tables()) {
            FigureTable before = previous.table(now.id());
            if (before == null) {
                figures.add(new FigureChange(now.id(), now.title(), ADDED, List.of()));
            } else if (before.isMissing() && !now.isMissing()) {
                figures.add(new FigureChange(now.id(), now.title(), NOW_AVAILABLE, List.of()));
            } else if (!before.isMissing() && now.isMissing()) {
                figures.add(new FigureChange(now.id(), now.title(), NOW_MISSING, List.of()));
            } else if (!now.isMissing()) {
                List<ValueChange> values = compare(before, now);
                if (!values.isEmpty()) {
                    figures.add(new FigureChange(now.id(), now.title(), VALUES_CHANGED, values));
                }
            }
        }
        return new ReportChanges(current.period().key(), current.version(), previous.version(),
                current.previous() == null ? null : current.previous().sha256(), figures);
    }

    private static List<ValueChange> compare(FigureTable before, FigureTable now) {
        List<Column> dims = now.dimensions();
        Map<Map<String, Object>, Map<String, Object>> old = index(before, dims);
        Map<Map<String, Object>, Map<String, Object>> fresh = index(now, dims);
        Set<Map<String, Object>> keys = new LinkedHashSet<>(fresh.keySet());
        keys.addAll(old.keySet());
        List<ValueChange> changes = new ArrayList<>();
        for (Map<String, Object> key : keys) {
            Map<String, Object> a = old.get(key);
            Map<String, Object> b = fresh.get(key);
            for (Column m : now.measures()) {
                Object pv = a == null ? null : a.get(m.key());
                Object cv = b == null ? null : b.get(m.key());
                if (a != null && b != null && numericEquals(pv, cv)) {
                    continue;
                }
                if (a == null && b != null && cv == null || a != null && b == null && pv == null) {
                    continue;
                }
                changes.add(new ValueChange(key, m.key(), pv, cv, delta(pv, cv)));
            }
        }
        return changes;
    }

    private static Map<Map<String, Object>, Map<String, Object>> index(FigureTable t, List<Column> dims) {
        Map<Map<String, Object>, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Map<String, Object> row : t.rows()) {
            Map<String, Object> key = new LinkedHashMap<>();
            dims.forEach(d -> key.put(d.key(), row.get(d.key())));
            byKey.put(key, row);
        }
        return byKey;
    }

    private static boolean numericEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    private static Object delta(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            BigDecimal d = new BigDecimal(y.toString()).subtract(new BigDecimal(x.toString())).stripTrailingZeros();
            return d.scale() <= 0 ? (Object) d.longValueExact() : d;
        }
        return null;
    }
}
