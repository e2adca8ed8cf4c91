package org.christchurchcall.report.content;

import java.util.List;

/** The figures of a draft as generated from the sources, before it is published. */
public record ReportContent(String schema, String title, PeriodView period, String generatedAt,
        List<SourceStatus> sources, List<FigureTable> tables, List<MissingFigure> missing) {

    public static final String SCHEMA = "ccall-report/1";
}
