package org.christchurchcall.report.rendering;

import java.math.BigDecimal;
import java.util.Map;

import org.christchurchcall.report.content.Column;
import org.christchurchcall.report.content.FigureTable;

/**
 * One figure table as RFC 4180 CSV: a header of column keys, one line per row, CRLF line ends.
 * An unknown value is an empty field, never 0. A missing figure has no CSV (see the resource).
 *
 * <p>
 * Text that a spreadsheet would take for a formula (a supporter's name such as {@code =HYPERLINK(...)}
 * or {@code @SUM(...)}) is neutralised with a leading apostrophe, as OWASP advises for CSV
 * injection; numbers, including negative ones, are written as they are.
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
            out.append(i == 0 ? "" : ",").append(field(neutralised(t.columns().get(i).key())));
        }
        out.append("\r\n");
        for (Map<String, Object> row : t.rows()) {
            for (int i = 0; i < t.columns().size(); i++) {
                Column c = t.columns().get(i);
                Object v = row.get(c.key());
                String text = value(v);
                out.append(i == 0 ? "" : ",").append(field(v instanceof Number ? text : neutralised(text)));
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

    /** Text starting with a character that spreadsheets read as a formula gets a leading apostrophe. */
    static String neutralised(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
