package org.christchurchcall.report.rendering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.christchurchcall.report.content.Column;
import org.christchurchcall.report.content.FigureTable;
import org.christchurchcall.report.content.ReportChanges;
import org.christchurchcall.report.content.Figures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/**
 * A report as one self-contained HTML page (templates/HtmlReport/page.html): inline CSS with a
 * print stylesheet, charts as inline SVG, no script and nothing fetched from elsewhere, so it works
 * offline and prints cleanly. The Qute template escapes every text it writes; the only markup
 * passed through unescaped is the SVG of the charts, which {@link Svg} builds with every label
 * escaped.
 */
public final class HtmlReport {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(ReportPage p, List<Card> cards, List<Section> sections, Changes changes,
                Footer footer);
    }

    /** A key-figure card; {@code value} is the raw number ({@code ""} when unknown), {@code display} its reading. */
    public record Card(String key, String label, String value, String display) {

        public boolean unknown() {
            return value.isEmpty();
        }
    }

    public record Section(String id, String title, List<Figure> figures) {
    }

    /** A figure: its chart (SVG, or null) and its table, folded away under the chart when long. */
    public record Figure(FigureTable table, RawString chart, boolean collapse, List<Column> columns, List<List<Cell>> rows) {
    }

    public record Cell(String css, String column, String value, String display) {
    }

    /** The comparison with the previous version; {@code rows} empty when nothing changed. */
    public record Changes(Integer previousVersion, String previousSha256, List<ChangeRow> rows) {
    }

    /** One changed value, or a whole figure added or removed ({@code whole}, with no value columns). */
    public record ChangeRow(String change, String figure, String title, boolean whole, String changeWords, String row,
            String column, String previous, String current, String delta) {
    }

    public record Footer(String canonicalCommand, String jsonCommand) {
    }

    private HtmlReport() {
    }

    public static String render(ReportPage p) {
        return Templates.page(p, cards(p.tables()), sections(p.tables()), p.changes() == null ? null : changes(p.changes()),
                p.sha256() == null ? null : footer(p)).render();
    }

    private static List<Card> cards(List<FigureTable> tables) {
        Map<String, FigureTable> byId = tables.stream().collect(Collectors.toMap(FigureTable::id, t -> t, (a, b) -> a,
                LinkedHashMap::new));
        return List.of(
                card("hashes-total", "hashes in the database", KeyFigures.sum(byId.get(Figures.HASHES_BY_TYPE), "hashes"), "count"),
                card("hashes-added", "hashes added in the period",
                        KeyFigures.cell(byId.get(Figures.HASHES_ADDED_RETRACTED), "change", "added", "hashes"), "count"),
                card("hashes-retracted", "hashes retracted in the period",
                        KeyFigures.cell(byId.get(Figures.HASHES_ADDED_RETRACTED), "change", "retracted", "hashes"), "count"),
                card("disputes-raised", "disputes raised", KeyFigures.single(byId.get(Figures.DISPUTES), "raised"), "count"),
                card("matches-served", "matches served", KeyFigures.single(byId.get(Figures.MATCHES_SERVED), "matches"), "count"),
                card("incidents", "incidents (exercises left out)",
                        KeyFigures.cell(byId.get(Figures.INCIDENTS_AND_EXERCISES), "kind", "incidents-reported", "count"), "count"),
                card("median-time-to-activation", "median time from report to activation",
                        KeyFigures.cell(byId.get(Figures.RESPONSE_TIMES), "interval", "report-to-activation", "medianSeconds"),
                        "seconds"),
                card("supporters", "active supporters at the end of the period",
                        KeyFigures.sum(byId.get(Figures.SUPPORTERS_BY_TYPE), "supporters"), "count"),
                card("joined", "supporters who joined in the period",
                        KeyFigures.sum(byId.get(Figures.JOINS_BY_TYPE), "joined"), "count"));
    }

    private static Card card(String key, String label, Number value, String unit) {
        return new Card(key, label, value == null ? "" : value.toString(), Format.value(value, unit));
    }

    /** Consecutive figures of one section, in report order. */
    private static List<Section> sections(List<FigureTable> tables) {
        List<Section> sections = new ArrayList<>();
        for (FigureTable t : tables) {
            if (sections.isEmpty() || !sections.get(sections.size() - 1).id().equals(t.section())) {
                sections.add(new Section(t.section(), Figures.sectionTitle(t.section()), new ArrayList<>()));
            }
            sections.get(sections.size() - 1).figures().add(figure(t));
        }
        return sections;
    }

    private static Figure figure(FigureTable t) {
        if (t.isMissing() || t.rows().isEmpty()) {
            return new Figure(t, null, false, List.of(), List.of());
        }
        String chart = Charts.of(t);
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> row : t.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (Column c : t.columns()) {
                Object v = row.get(c.key());
                String css = (c.isDimension() ? "" : "num") + (v == null ? " unknown" : "");
                cells.add(new Cell(css, c.key(), v == null ? "" : v.toString(),
                        c.isDimension() ? Format.words(v) : Format.value(v, c.unit())));
            }
            rows.add(cells);
        }
        return new Figure(t, chart == null ? null : new RawString(chart), chart != null && t.rows().size() > 12, t.columns(),
                rows);
    }

    private static Changes changes(ReportChanges c) {
        List<ChangeRow> rows = new ArrayList<>();
        for (ReportChanges.FigureChange f : c.figures()) {
            if (f.values().isEmpty()) {
                rows.add(new ChangeRow(f.change(), f.figure(), f.title(), true, Format.words(f.change()), null, null, null, null,
                        null));
                continue;
            }
            for (ReportChanges.ValueChange v : f.values()) {
                String row = v.row().values().stream().map(Format::words).collect(Collectors.joining(" / "));
                rows.add(new ChangeRow(f.change(), f.figure(), f.title(), false, null, row, v.column(), Csv.value(v.previous()),
                        Csv.value(v.current()), v.delta() == null ? "" : signed(v.delta())));
            }
        }
        return new Changes(c.previousVersion(), c.previousSha256(), rows);
    }

    private static String signed(Object delta) {
        String s = Csv.value(delta);
        return s.startsWith("-") ? s : "+" + s;
    }

    private static Footer footer(ReportPage p) {
        return new Footer("curl -s " + linkHref(p, "canonical") + " | sha256sum",
                "curl -s " + linkHref(p, "json") + " | python3 -c 'import json,sys,hashlib; "
                        + "s=json.load(sys.stdin)[\"snapshot\"]; print(hashlib.sha256(json.dumps(s,sort_keys=True,"
                        + "separators=(\",\",\":\"),ensure_ascii=False).encode()).hexdigest())'");
    }

    private static String linkHref(ReportPage p, String rel) {
        return p.links().stream().filter(l -> l.rel().equals(rel)).map(ReportPage.Link::href).findFirst().orElse("");
    }

    /** Keeps insertion order while collecting distinct values. */
    static <T> List<T> distinct(List<T> values) {
        Set<T> seen = new LinkedHashSet<>(values);
        return new ArrayList<>(seen);
    }
}
