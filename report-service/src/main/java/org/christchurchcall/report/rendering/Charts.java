package org.christchurchcall.report.rendering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.christchurchcall.report.content.Column;
import org.christchurchcall.report.content.FigureTable;
import org.christchurchcall.report.content.Figures;

/** Picks the chart that suits each figure: bars for counts, lines over time, stacked shares for the stocktake. */
final class Charts {

    private Charts() {
    }

    /** The SVG for a figure with rows, or null when a table says it better (single-row figures). */
    static String of(FigureTable t) {
        return switch (t.id()) {
            case Figures.SUPPORTERS_OVER_TIME -> overTime(t);
            case Figures.STOCKTAKE_STATUS -> stocktake(t);
            case Figures.RESPONSE_TIMES -> bars(t, "medianSeconds");
            case Figures.DISPUTES, Figures.MATCHES_SERVED -> null;
            default -> t.dimensions().isEmpty() ? null : bars(t, t.measures().get(0).key());
        };
    }

    private static String bars(FigureTable t, String measure) {
        Column m = t.columns().stream().filter(c -> c.key().equals(measure)).findFirst().orElseThrow();
        List<Svg.Bar> bars = new ArrayList<>();
        for (Map<String, Object> row : t.rows()) {
            String label = t.dimensions().stream().map(d -> Format.words(row.get(d.key()))).collect(Collectors.joining(" / "));
            Object v = row.get(measure);
            bars.add(new Svg.Bar(label, v instanceof Number n ? n : null, Format.value(v, m.unit())));
        }
        String title = t.title() + (t.id().equals(Figures.RESPONSE_TIMES) ? " (median)" : "");
        return Svg.bars(t.id(), title, bars);
    }

    private static String overTime(FigureTable t) {
        List<String> dates = HtmlReport.distinct(t.rows().stream().map(r -> String.valueOf(r.get("date"))).toList());
        List<String> types = HtmlReport.distinct(t.rows().stream().map(r -> String.valueOf(r.get("supporterType"))).toList());
        Map<String, List<Number>> series = new LinkedHashMap<>();
        for (String type : types) {
            List<Number> values = new ArrayList<>();
            for (String date : dates) {
                values.add(t.rows().stream().filter(r -> date.equals(String.valueOf(r.get("date")))
                        && type.equals(String.valueOf(r.get("supporterType")))).findFirst()
                        .map(r -> r.get("supporters") instanceof Number n ? n : null).orElse(null));
            }
            series.put(type, values);
        }
        return Svg.lines(t.id(), t.title(), dates, series);
    }

    private static String stocktake(FigureTable t) {
        List<String> statuses = HtmlReport.distinct(t.rows().stream().map(r -> String.valueOf(r.get("status"))).sorted().toList());
        Map<String, Map<String, Number>> byRow = new LinkedHashMap<>();
        for (Map<String, Object> r : t.rows()) {
            String label = r.get("commitment") + " / " + Format.words(r.get("supporterType"));
            byRow.computeIfAbsent(label, k -> new LinkedHashMap<>()).put(String.valueOf(r.get("status")),
                    r.get("share") instanceof Number n ? n : null);
        }
        List<Svg.Stack> stacks = new ArrayList<>();
        byRow.forEach((label, shares) -> stacks.add(new Svg.Stack(label, statuses.stream().map(shares::get).toList())));
        return Svg.stacked(t.id(), t.title(), statuses, stacks);
    }
}
