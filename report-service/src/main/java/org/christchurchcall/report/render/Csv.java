package org.christchurchcall.report.render;

import java.math.BigDecimal;
import java.util.Map;

import org.christchurchcall.report.document.Column;
import org.christchurchcall.report.document.FigureTable;

/**
 * One figure table as RFC 4180 CSV: a header of column keys, one line per row, CRLF line ends.
 * An unknown value is an empty field, never 0. A missing figure has no CSV (see the resource).
 */
public final class Csv {

    private Csv() {
    }

    public static String of(FigureTable t) {
        if (t.isMissing()) {
            throw new IllegalArgumentException("figure " + t.id() + " is missing and has no rows");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t.columns().size(); i++) {
            out.append(i == 0 ? "" : ",").append(field(t.columns().get(i).key()));
        }
        out.append("\r\n");
        for (Map<String, Object> row : t.rows()) {
            for (int i = 0; i < t.columns().size(); i++) {
                Column c = t.columns().get(i);
                out.append(i == 0 ? "" : ",").append(field(value(row.get(c.key()))));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
