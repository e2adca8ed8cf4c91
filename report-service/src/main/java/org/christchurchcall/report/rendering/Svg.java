package org.christchurchcall.report.rendering;

import static org.christchurchcall.report.rendering.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts drawn on the server as inline SVG: nothing to download, so a report page works offline
 * and prints as vectors. Every mark carries its figure and value in data attributes and a
 * {@code <title>} so that the numbers stay readable to screen readers and checkable by tests.
 */
final class Svg {

    static final String[] PALETTE = { "#1f5f8b", "#e07b39", "#3a9d5d", "#b5485d", "#7a5ea8", "#8c6d3f", "#4aa3b5", "#6b6b6b" };

    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 260;
    private static final int VALUE_WIDTH = 110;
    private static final int ROW = 26;
    /** What fits in LABEL_WIDTH at 12 px. */
    private static final int LABEL_CHARS = 38;

    private Svg() {
    }

    record Bar(String label, Number value, String display) {
    }

    /** Horizontal bars, one per row; a bar with an unknown value is drawn as a dashed outline labelled "unknown". */
    static String bars(String figure, String title, List<Bar> bars) {
        double max = bars.stream().filter(b -> b.value() != null).mapToDouble(b -> b.value().doubleValue()).max().orElse(0);
        int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        int height = Math.max(ROW, bars.size() * ROW) + 8;
        StringBuilder s = open(figure, "bar", title, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW;
            s.append("<text class=\"axis-label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\">").append(esc(fit(b.label()))).append("</text>");
            if (b.value() == null) {
                s.append("<rect class=\"unknown\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4)
                        .append("\" width=\"40\" height=\"").append(ROW - 8)
                        .append("\" fill=\"none\" stroke=\"#999\" stroke-dasharray=\"3 2\" data-label=\"").append(esc(b.label()))
                        .append("\" data-value=\"\"><title>").append(esc(b.label())).append(": unknown</title></rect>");
            } else {
                double w = max <= 0 ? 0 : b.value().doubleValue() / max * plot;
                s.append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(num(Math.max(w, b.value().doubleValue() > 0 ? 1 : 0))).append("\" height=\"").append(ROW - 8)
                        .append("\" fill=\"").append(PALETTE[0]).append("\" data-label=\"").append(esc(b.label()))
                        .append("\" data-value=\"").append(esc(b.value())).append("\"><title>").append(esc(b.label()))
                        .append(": ").append(esc(b.display())).append("</title></rect>");
            }
            double end = b.value() == null || max <= 0 ? (b.value() == null ? 40 : 0) : b.value().doubleValue() / max * plot;
            s.append("<text class=\"value-label\" x=\"").append(num(LABEL_WIDTH + end + 6)).append("\" y=\"").append(y + 17)
                    .append("\">").append(esc(b.display())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** One line per series over ordered x values; points carry their values. */
    static String lines(String figure, String title, List<String> xs, Map<String, List<Number>> series) {
        int height = 260;
        int left = 60;
        int right = WIDTH - 150;
        int top = 16;
        int bottom = height - 40;
        double max = series.values().stream().flatMap(List::stream).filter(v -> v != null).mapToDouble(Number::doubleValue).max()
                .orElse(0);
        double yMax = max <= 0 ? 1 : max;
        StringBuilder s = open(figure, "line", title, height);
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"").append(right).append("\" y2=\"")
                .append(bottom).append("\" stroke=\"#444\"/>");
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"").append(left).append("\" y2=\"")
                .append(bottom).append("\" stroke=\"#444\"/>");
        s.append("<text class=\"axis-label\" x=\"").append(left - 6).append("\" y=\"").append(top + 4)
                .append("\" text-anchor=\"end\">").append(esc(Format.count(Math.round(yMax)))).append("</text>");
        s.append("<text class=\"axis-label\" x=\"").append(left - 6).append("\" y=\"").append(bottom)
                .append("\" text-anchor=\"end\">0</text>");
        for (int i = 0; i < xs.size(); i++) {
            double x = xs.size() == 1 ? (left + right) / 2.0 : left + (right - left) * i / (double) (xs.size() - 1);
            if (xs.size() <= 8 || i == 0 || i == xs.size() - 1 || i % Math.max(1, xs.size() / 6) == 0) {
                s.append("<text class=\"axis-label\" x=\"").append(num(x)).append("\" y=\"").append(bottom + 18)
                        .append("\" text-anchor=\"middle\">").append(esc(xs.get(i))).append("</text>");
            }
        }
        int k = 0;
        for (Map.Entry<String, List<Number>> e : series.entrySet()) {
            String colour = PALETTE[k % PALETTE.length];
            List<String> points = new ArrayList<>();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < xs.size(); i++) {
                Number v = e.getValue().get(i);
                if (v == null) {
                    continue;
                }
                double x = xs.size() == 1 ? (left + right) / 2.0 : left + (right - left) * i / (double) (xs.size() - 1);
                double y = bottom - (bottom - top) * v.doubleValue() / yMax;
                points.add(num(x) + "," + num(y));
                dots.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"3.5\" fill=\"")
                        .append(colour).append("\" data-series=\"").append(esc(e.getKey())).append("\" data-x=\"")
                        .append(esc(xs.get(i))).append("\" data-value=\"").append(esc(v)).append("\"><title>")
                        .append(esc(Format.words(e.getKey()))).append(", ").append(esc(xs.get(i))).append(": ")
                        .append(esc(Format.count(v))).append("</title></circle>");
            }
            s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(String.join(" ", points)).append("\" data-series=\"").append(esc(e.getKey())).append("\"/>");
            s.append(dots);
            s.append("<rect x=\"").append(right + 16).append("\" y=\"").append(top + k * 20).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colour).append("\"/><text class=\"legend\" x=\"").append(right + 34).append("\" y=\"")
                    .append(top + k * 20 + 11).append("\">").append(esc(Format.words(e.getKey()))).append("</text>");
            k++;
        }
        return s.append("</svg>").toString();
    }

    record Stack(String label, List<Number> shares) {
    }

    /** One 100% bar per row, split by category (e.g. stocktake statuses), with a legend. */
    static String stacked(String figure, String title, List<String> categories, List<Stack> rows) {
        int plot = WIDTH - LABEL_WIDTH - 20;
        int legend = 24;
        int height = legend + Math.max(ROW, rows.size() * ROW) + 8;
        StringBuilder s = open(figure, "stacked", title, height);
        for (int c = 0; c < categories.size(); c++) {
            int x = LABEL_WIDTH + c * 110;
            s.append("<rect x=\"").append(x).append("\" y=\"4\" width=\"12\" height=\"12\" fill=\"")
                    .append(PALETTE[c % PALETTE.length]).append("\"/><text class=\"legend\" x=\"").append(x + 16)
                    .append("\" y=\"15\">").append(esc(Format.words(categories.get(c)))).append("</text>");
        }
        for (int i = 0; i < rows.size(); i++) {
            Stack r = rows.get(i);
            int y = legend + i * ROW;
            s.append("<text class=\"axis-label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\">").append(esc(fit(r.label()))).append("</text>");
            double x = LABEL_WIDTH;
            for (int c = 0; c < categories.size(); c++) {
                Number v = r.shares().get(c);
                if (v == null || v.doubleValue() <= 0) {
                    continue;
                }
                double w = v.doubleValue() * plot;
                s.append("<rect class=\"segment\" x=\"").append(num(x)).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(num(w)).append("\" height=\"").append(ROW - 8).append("\" fill=\"")
                        .append(PALETTE[c % PALETTE.length]).append("\" data-label=\"").append(esc(r.label()))
                        .append("\" data-category=\"").append(esc(categories.get(c))).append("\" data-value=\"").append(esc(v))
                        .append("\"><title>").append(esc(r.label())).append(", ").append(esc(Format.words(categories.get(c))))
                        .append(": ").append(esc(Format.value(v, "share"))).append("</title></rect>");
                x += w;
            }
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String figure, String kind, String title, int height) {
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-").append(kind)
                .append("\" data-figure=\"").append(esc(figure)).append("\" role=\"img\" aria-label=\"").append(esc(title))
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\">");
    }

    /** Labels longer than the label column are shortened on the chart; the full label stays in the title and the table. */
    static String fit(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1).stripTrailing() + "\u2026";
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
