package org.christchurchcall.report.content;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One figure of a report as a table: its rows, or, when its source could not give it, no rows
 * ({@code rows} is null, never an empty table or zeros) and the reason in {@code missingReason}.
 * A value inside a row may also be null when the source has no value for it (e.g. a median over
 * no acknowledgements); renderers show such a value as unknown, never as 0. {@code note} explains
 * an empty or qualified table (e.g. which stocktake the figures come from).
 */
public record FigureTable(String id, String section, String title, String description, String source,
        List<Column> columns, List<Map<String, Object>> rows, String note, String missingReason) {

    @JsonIgnore
    public boolean isMissing() {
        return rows == null;
    }

    public FigureTable withRows(List<Map<String, Object>> newRows, String newNote) {
        return new FigureTable(id, section, title, description, source, columns, newRows, newNote, null);
    }

    public FigureTable asMissing(String reason) {
        return new FigureTable(id, section, title, description, source, columns, null, null, reason);
    }

    public List<Column> dimensions() {
        return columns.stream().filter(Column::isDimension).toList();
    }

    public List<Column> measures() {
        return columns.stream().filter(c -> !c.isDimension()).toList();
    }
}
