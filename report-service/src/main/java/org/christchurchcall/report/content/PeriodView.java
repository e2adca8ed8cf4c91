package org.christchurchcall.report.content;

import org.christchurchcall.report.content.ReportPeriod;

/** The period as it appears in a report: its key, label and the half-open UTC interval [from, to). */
public record PeriodView(String key, String label, String from, String to) {

    public static PeriodView of(ReportPeriod p) {
        return new PeriodView(p.key(), p.label(), Timestamps.format(p.from()), Timestamps.format(p.to()));
    }
}
