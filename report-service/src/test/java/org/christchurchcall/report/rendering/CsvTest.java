package org.christchurchcall.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.christchurchcall.report.content.Column;
import org.christchurchcall.report.content.FigureTable;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static FigureTable table(List<Map<String, Object>> rows) {
        return new FigureTable("t", "s", "T", null, "test", List.of(Column.dimension("name", "Name"),
                Column.count("n", "Count")), rows, null, null);
    }

    private static Map<String, Object> row(Object name, Object n) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("n", n);
        return r;
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        String csv = Csv.of(table(List.of(
                row("=HYPERLINK(\"https://evil.example\",\"click\")", 1),
                row("+61 2 0000", 2),
                row("-cmd|' /C calc'!A0", 3),
                row("@SUM(A1:A2)", 4),
                row("\tTabbed", 5),
                row("Aotearoa New Zealand", 6))));
        assertEquals("name,n\r\n"
                + "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",1\r\n"
                + "'+61 2 0000,2\r\n"
                + "'-cmd|' /C calc'!A0,3\r\n"
                + "'@SUM(A1:A2),4\r\n"
                + "'\tTabbed,5\r\n"
                + "Aotearoa New Zealand,6\r\n", csv);
    }

    @Test
    void numbersIncludingNegativeOnesAreWrittenAsTheyAre() {
        String csv = Csv.of(table(List.of(row("change", -12), row("share", new BigDecimal("-0.250")), row("none", null))));
        assertEquals("name,n\r\nchange,-12\r\nshare,-0.25\r\nnone,\r\n", csv);
    }
}
