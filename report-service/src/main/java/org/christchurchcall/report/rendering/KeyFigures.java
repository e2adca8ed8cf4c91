package org.christchurchcall.report.rendering;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import org.christchurchcall.report.content.FigureTable;

/** Headline numbers taken from the figure tables; null (unknown) whenever any input is unknown. */
final class KeyFigures {

    private KeyFigures() {
    }

    static Number sum(FigureTable t, String column) {
        if (t == null || t.isMissing()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> row : t.rows()) {
            Object v = row.get(column);
            if (!(v instanceof Number n)) {
                return null;
            }
            total = total.add(new BigDecimal(n.toString()));
        }
        return total.longValue();
    }

    static Number cell(FigureTable t, String dimension, String value, String column) {
        if (t == null || t.isMissing()) {
            return null;
        }
        return t.rows().stream().filter(r -> Objects.equals(value, r.get(dimension))).findFirst()
                .map(r -> r.get(column) instanceof Number n ? n : null).orElse(null);
    }

    static Number single(FigureTable t, String column) {
        if (t == null || t.isMissing() || t.rows().size() != 1) {
            return null;
        }
        return t.rows().get(0).get(column) instanceof Number n ? n : null;
    }
}
