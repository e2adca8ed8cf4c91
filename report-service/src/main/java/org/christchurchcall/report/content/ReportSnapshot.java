package org.christchurchcall.report.content;

import java.util.List;

/**
 * A published report exactly as frozen: the draft's figures with their sources, plus the version,
 * the publication time, the override that let it out with figures missing (null when none were)
 * and the previous version's hash, which chains the versions of a period. Its canonical JSON
 * (RFC 8785, see {@link ReportJson#canonical}) is what the published SHA-256 covers.
 */
public record ReportSnapshot(String schema, String title, PeriodView period, int version, String publishedAt,
        String generatedAt, List<SourceStatus> sources, List<FigureTable> tables, List<MissingFigure> missing,
        Override override, Previous previous) {

    /** The secretariat's explicit decision to publish although figures are missing, as the report states it. */
    public record Override(String reason, String statement) {
    }

    public record Previous(int version, String sha256) {
    }

    public static ReportSnapshot freeze(ReportContent c, int version, String publishedAt, Override override,
            Previous previous) {
        return new ReportSnapshot(c.schema(), c.title(), c.period(), version, publishedAt, c.generatedAt(),
                c.sources(), c.tables(), c.missing(), override, previous);
    }

    public FigureTable table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }
}
