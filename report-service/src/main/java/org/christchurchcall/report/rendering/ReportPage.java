package org.christchurchcall.report.rendering;

import java.util.List;

import org.christchurchcall.report.content.FigureTable;
import org.christchurchcall.report.content.MissingFigure;
import org.christchurchcall.report.content.PeriodView;
import org.christchurchcall.report.content.ReportChanges;
import org.christchurchcall.report.content.ReportContent;
import org.christchurchcall.report.content.ReportSnapshot;
import org.christchurchcall.report.content.SourceStatus;

/** What an HTML report page shows, for a published version or for a draft under review. */
public record ReportPage(String title, PeriodView period, String status, boolean draft, Integer version, String publishedAt,
        String generatedAt, String sha256, ReportSnapshot.Override override, List<SourceStatus> sources,
        List<FigureTable> tables, List<MissingFigure> missing, ReportChanges changes, List<Link> links) {

    public record Link(String rel, String label, String href) {
    }

    public static ReportPage published(ReportSnapshot s, String sha256, ReportChanges changes, List<Link> links) {
        return new ReportPage(s.title(), s.period(), "Version " + s.version() + ", published " + s.publishedAt(), false,
                s.version(), s.publishedAt(), s.generatedAt(), sha256, s.override(), s.sources(), s.tables(), s.missing(),
                changes, links);
    }

    public static ReportPage draft(ReportContent c, List<Link> links) {
        return new ReportPage(c.title(), c.period(), "Draft generated " + c.generatedAt() + ": not published", true, null, null,
                c.generatedAt(), null, null, c.sources(), c.tables(), c.missing(), null, links);
    }
}
