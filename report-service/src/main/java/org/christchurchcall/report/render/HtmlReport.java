package org.christchurchcall.report.render;

import static org.christchurchcall.report.render.Html.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.christchurchcall.report.document.Column;
import org.christchurchcall.report.document.FigureTable;
import org.christchurchcall.report.document.MissingFigure;
import org.christchurchcall.report.document.ReportChanges;
import org.christchurchcall.report.document.SourceStatus;
import org.christchurchcall.report.generation.Figures;

/**
 * A report as one self-contained HTML page: inline CSS (with a print stylesheet), charts as inline
 * SVG, no script and nothing fetched from elsewhere, so it works offline and prints cleanly.
 */
public final class HtmlReport {

    private static final String STYLE = """
            :root{--ink:#1b1b1b;--muted:#5b5b5b;--rule:#d6d6d6;--accent:#1f5f8b;--warn:#8a4b00;--warnbg:#fff4e0}
            *{box-sizing:border-box}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);margin:0;line-height:1.45}
            main{max-width:980px;margin:0 auto;padding:24px 28px 64px}
            header.report h1{font-size:1.7rem;margin:0 0 4px}
            .meta{color:var(--muted);font-size:.92rem}
            .hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.82rem;word-break:break-all}
            nav.links a{margin-right:14px}
            .notice{border-left:4px solid var(--warn);background:var(--warnbg);padding:10px 14px;margin:16px 0}
            .notice.draft{border-color:var(--accent);background:#eaf2f8}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px;margin:20px 0}
            .card{border:1px solid var(--rule);border-radius:6px;padding:10px 12px}
            .card .v{font-size:1.5rem;font-weight:600}
            .card .k{color:var(--muted);font-size:.85rem}
            .card.unknown .v{color:var(--warn)}
            section.section{margin-top:36px}
            section.section>h2{border-bottom:2px solid var(--accent);padding-bottom:4px}
            figure.figure{margin:22px 0;page-break-inside:avoid;break-inside:avoid}
            figure.figure h3{margin:0 0 2px;font-size:1.1rem}
            figure.figure p.desc{margin:0 0 8px;color:var(--muted);font-size:.9rem}
            .missing-figure{color:var(--warn);font-weight:600}
            table{border-collapse:collapse;font-size:.88rem;margin-top:8px}
            th,td{border-bottom:1px solid var(--rule);padding:3px 10px 3px 0;text-align:left}
            td.num,th.num{text-align:right}
            td.unknown{color:var(--warn);font-style:italic}
            details summary{cursor:pointer;color:var(--accent);font-size:.88rem}
            svg.chart{max-width:100%;height:auto;display:block}
            svg.chart text{font-size:12px;fill:#333}
            footer{margin-top:40px;border-top:1px solid var(--rule);padding-top:12px;color:var(--muted);font-size:.85rem}
            code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem}
            pre{white-space:pre-wrap;background:#f5f5f5;padding:8px}
            @media print{
              @page{size:A4;margin:16mm 14mm}
              body{font-size:10.5pt}
              main{max-width:none;padding:0}
              nav.links,details summary{display:none}
              details{display:block}
              details>table{display:table}
              a{color:inherit;text-decoration:none}
              .card,.notice{border-color:#999}
              section.section{page-break-before:auto}
              h2,h3{page-break-after:avoid;break-after:avoid}
            }
            """;

    private HtmlReport() {
    }

    public static String render(ReportPage p) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(p.title())).append(p.draft() ? " (draft)" : "").append("</title>");
        if (p.sha256() != null) {
            h.append("<meta name=\"report-sha256\" content=\"").append(esc(p.sha256())).append("\">");
        }
        h.append("<style>").append(STYLE).append("</style></head><body><main>");
        header(h, p);
        keyFigures(h, p.tables());
        String section = null;
        for (FigureTable t : p.tables()) {
            if (!t.section().equals(section)) {
                if (section != null) {
                    h.append("</section>");
                }
                section = t.section();
                h.append("<section class=\"section\" id=\"").append(esc(section)).append("\"><h2>")
                        .append(esc(Figures.sectionTitle(section))).append("</h2>");
            }
            figure(h, t);
        }
        if (section != null) {
            h.append("</section>");
        }
        if (p.changes() != null) {
            changes(h, p.changes());
        }
        sources(h, p.sources());
        footer(h, p);
        return h.append("</main></body></html>").toString();
    }

    private static void header(StringBuilder h, ReportPage p) {
        h.append("<header class=\"report\"><h1>").append(esc(p.title())).append("</h1>");
        h.append("<div class=\"meta\">Period <strong data-key=\"period\">").append(esc(p.period().key())).append("</strong>: ")
                .append(esc(p.period().from())).append(" to ").append(esc(p.period().to())).append(" (end exclusive). ")
                .append("<span data-key=\"status\">").append(esc(p.status())).append("</span>.");
        if (p.version() != null) {
            h.append(" <span data-key=\"version\" hidden>").append(p.version()).append("</span>");
        }
        h.append("</div>");
        if (p.sha256() != null) {
            h.append("<div class=\"meta\">SHA-256 of the canonical JSON: <span class=\"hash\" data-key=\"sha256\">")
                    .append(esc(p.sha256())).append("</span></div>");
        }
        if (!p.links().isEmpty()) {
            h.append("<nav class=\"links meta\">");
            for (ReportPage.Link l : p.links()) {
                h.append("<a rel=\"").append(esc(l.rel())).append("\" href=\"").append(esc(l.href())).append("\">")
                        .append(esc(l.label())).append("</a>");
            }
            h.append("</nav>");
        }
        h.append("</header>");
        if (p.draft()) {
            h.append("<div class=\"notice draft\">This is a draft for review by the secretariat. It is not published and its ")
                    .append("figures may change.</div>");
        }
        if (p.override() != null) {
            h.append("<div class=\"notice\" data-key=\"override\"><strong>Published with missing figures.</strong> ")
                    .append(esc(p.override().statement())).append("</div>");
        }
        if (!p.missing().isEmpty()) {
            h.append("<div class=\"notice\" data-key=\"missing\"><strong>").append(p.missing().size())
                    .append(" figure(s) could not be obtained</strong> and are shown as not available, never as zero:<ul>");
            for (MissingFigure m : p.missing()) {
                h.append("<li data-missing=\"").append(esc(m.figure())).append("\">").append(esc(m.title())).append(": ")
                        .append(esc(m.reason())).append("</li>");
            }
            h.append("</ul></div>");
        }
    }

    private static void keyFigures(StringBuilder h, List<FigureTable> tables) {
        Map<String, FigureTable> byId = tables.stream().collect(Collectors.toMap(FigureTable::id, t -> t, (a, b) -> a,
                LinkedHashMap::new));
        h.append("<section class=\"cards\" aria-label=\"Key figures\">");
        card(h, "hashes-total", "hashes in the database", KeyFigures.sum(byId.get(Figures.HASHES_BY_TYPE), "hashes"), "count");
        card(h, "hashes-added", "hashes added in the period",
                KeyFigures.cell(byId.get(Figures.HASHES_ADDED_RETRACTED), "change", "added", "hashes"), "count");
        card(h, "hashes-retracted", "hashes retracted in the period",
                KeyFigures.cell(byId.get(Figures.HASHES_ADDED_RETRACTED), "change", "retracted", "hashes"), "count");
        card(h, "disputes-raised", "disputes raised", KeyFigures.single(byId.get(Figures.DISPUTES), "raised"), "count");
        card(h, "matches-served", "matches served", KeyFigures.single(byId.get(Figures.MATCHES_SERVED), "matches"), "count");
        card(h, "incidents", "incidents (exercises left out)",
                KeyFigures.cell(byId.get(Figures.INCIDENTS_AND_EXERCISES), "kind", "incidents-reported", "count"), "count");
        card(h, "median-time-to-activation", "median time from report to activation",
                KeyFigures.cell(byId.get(Figures.RESPONSE_TIMES), "interval", "report-to-activation", "medianSeconds"), "seconds");
        card(h, "supporters", "active supporters at the end of the period",
                KeyFigures.sum(byId.get(Figures.SUPPORTERS_BY_TYPE), "supporters"), "count");
        card(h, "joined", "supporters who joined in the period", KeyFigures.sum(byId.get(Figures.JOINS_BY_TYPE), "joined"),
                "count");
        h.append("</section>");
    }

    private static void card(StringBuilder h, String key, String label, Number value, String unit) {
        h.append("<div class=\"card").append(value == null ? " unknown" : "").append("\"><div class=\"v\" data-key=\"")
                .append(esc(key)).append("\" data-value=\"").append(value == null ? "" : esc(value)).append("\">")
                .append(esc(Format.value(value, unit))).append("</div><div class=\"k\">").append(esc(label)).append("</div></div>");
    }

    private static void figure(StringBuilder h, FigureTable t) {
        h.append("<figure class=\"figure\" id=\"").append(esc(t.id())).append("\" data-figure=\"").append(esc(t.id()))
                .append("\"><h3>").append(esc(t.title())).append("</h3><p class=\"desc\">").append(esc(t.description()));
        if (t.note() != null) {
            h.append(" ").append(esc(t.note()));
        }
        h.append("</p>");
        if (t.isMissing()) {
            h.append("<p class=\"missing-figure\" data-missing-figure=\"").append(esc(t.id())).append("\">Not available: ")
                    .append(esc(t.missingReason())).append("</p></figure>");
            return;
        }
        if (t.rows().isEmpty()) {
            h.append("<p class=\"meta\">No rows.</p></figure>");
            return;
        }
        String chart = Charts.of(t);
        if (chart != null) {
            h.append(chart);
        }
        boolean collapse = chart != null && t.rows().size() > 12;
        if (collapse) {
            h.append("<details><summary>Table of ").append(t.rows().size()).append(" rows</summary>");
        }
        table(h, t);
        if (collapse) {
            h.append("</details>");
        }
        h.append("</figure>");
    }

    private static void table(StringBuilder h, FigureTable t) {
        h.append("<table data-table=\"").append(esc(t.id())).append("\"><thead><tr>");
        for (Column c : t.columns()) {
            h.append("<th").append(c.isDimension() ? "" : " class=\"num\"").append(">").append(esc(c.label())).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (Map<String, Object> row : t.rows()) {
            h.append("<tr>");
            for (Column c : t.columns()) {
                Object v = row.get(c.key());
                boolean unknown = v == null;
                h.append("<td class=\"").append(c.isDimension() ? "" : "num").append(unknown ? " unknown" : "")
                        .append("\" data-column=\"").append(esc(c.key())).append("\" data-value=\"").append(unknown ? "" : esc(v))
                        .append("\">").append(esc(c.isDimension() ? Format.words(v) : Format.value(v, c.unit())))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static void changes(StringBuilder h, ReportChanges c) {
        h.append("<section class=\"section\" id=\"changes\"><h2>Changes from the previous version</h2>");
        if (c.previousVersion() == null) {
            h.append("<p>This is the first published version for this period.</p></section>");
            return;
        }
        h.append("<p>Compared with version ").append(c.previousVersion()).append(" (SHA-256 <span class=\"hash\">")
                .append(esc(c.previousSha256())).append("</span>).</p>");
        if (c.figures().isEmpty()) {
            h.append("<p data-key=\"no-changes\">No figure changed.</p></section>");
            return;
        }
        h.append("<table data-table=\"changes\"><thead><tr><th>Figure</th><th>Row</th><th>Column</th><th class=\"num\">Previous</th>")
                .append("<th class=\"num\">Now</th><th class=\"num\">Change</th></tr></thead><tbody>");
        for (ReportChanges.FigureChange f : c.figures()) {
            if (f.values().isEmpty()) {
                h.append("<tr data-change=\"").append(esc(f.change())).append("\"><td>").append(esc(f.title())).append("</td><td colspan=\"5\">")
                        .append(esc(Format.words(f.change()))).append("</td></tr>");
                continue;
            }
            for (ReportChanges.ValueChange v : f.values()) {
                String row = v.row().values().stream().map(Format::words).collect(Collectors.joining(" / "));
                h.append("<tr data-change=\"").append(esc(f.change())).append("\" data-figure=\"").append(esc(f.figure()))
                        .append("\"><td>").append(esc(f.title())).append("</td><td>").append(esc(row)).append("</td><td>")
                        .append(esc(v.column())).append("</td><td class=\"num\">").append(esc(Csv.value(v.previous())))
                        .append("</td><td class=\"num\">").append(esc(Csv.value(v.current()))).append("</td><td class=\"num\">")
                        .append(v.delta() == null ? "" : esc(signed(v.delta()))).append("</td></tr>");
            }
        }
        h.append("</tbody></table></section>");
    }

    private static String signed(Object delta) {
        String s = Csv.value(delta);
        return s.startsWith("-") ? s : "+" + s;
    }

    private static void sources(StringBuilder h, List<SourceStatus> sources) {
        h.append("<section class=\"section\" id=\"sources\"><h2>Sources</h2><table data-table=\"sources\"><thead><tr>")
                .append("<th>Source</th><th>Service</th><th>Request</th><th>Fetched</th><th>Status</th></tr></thead><tbody>");
        for (SourceStatus s : sources) {
            h.append("<tr><td>").append(esc(s.id())).append("</td><td>").append(esc(s.service())).append("</td><td><code>")
                    .append(esc(s.request())).append("</code></td><td>").append(esc(s.fetchedAt())).append("</td><td>")
                    .append(esc(s.status())).append(s.error() == null ? "" : ": " + esc(s.error())).append("</td></tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void footer(StringBuilder h, ReportPage p) {
        h.append("<footer>");
        if (p.sha256() != null) {
            h.append("<p><strong>Checking this report.</strong> The SHA-256 above covers the canonical JSON of the snapshot: ")
                    .append("RFC 8785 JSON canonicalisation (object keys sorted, no whitespace, UTF-8, numbers in plain decimal ")
                    .append("without trailing zeros). Download it and compare:</p><pre>curl -s ")
                    .append(esc(linkHref(p, "canonical"))).append(" | sha256sum</pre>")
                    .append("<p>or recompute it from the JSON representation's <code>snapshot</code>:</p><pre>")
                    .append(esc("curl -s " + linkHref(p, "json") + " | python3 -c 'import json,sys,hashlib; "
                            + "s=json.load(sys.stdin)[\"snapshot\"]; print(hashlib.sha256(json.dumps(s,sort_keys=True,"
                            + "separators=(\",\",\":\"),ensure_ascii=False).encode()).hexdigest())'"))
                    .append("</pre>");
        }
        h.append("<p>Figures come straight from the Christchurch Call platform's services (see Sources). No content and no ")
                .append("contributor identities are part of this report.</p></footer>");
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
