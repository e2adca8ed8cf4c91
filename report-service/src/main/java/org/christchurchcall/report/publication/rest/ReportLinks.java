package org.christchurchcall.report.publication.rest;

import java.util.ArrayList;
import java.util.List;

import org.christchurchcall.report.rendering.ReportPage;

/** The stable public URLs of published reports (paths relative to the service root). */
public final class ReportLinks {

    /** Report pages load nothing from anywhere: no script, no remote style, font or image. */
    private static final String CSP_BASE = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors ";

    /** A draft page: never framed. */
    public static final String CSP = csp("'none'");

    /** A published page, which the configured sites may frame ({@code ccall.report.frame-ancestors}). */
    public static String csp(String frameAncestors) {
        return CSP_BASE + frameAncestors;
    }

    public static final String CANONICALISATION = "RFC 8785 JSON Canonicalization Scheme over the snapshot: object keys "
            + "sorted by UTF-16 code units, no insignificant whitespace, UTF-8, strings with only the mandatory escapes, "
            + "numbers as integers or plain decimals without trailing zeros (report decimals have at most 4 fractional "
            + "digits). sha256 is the lower-case hex SHA-256 of those bytes, served as canonical.json.";

    private ReportLinks() {
    }

    public static String period(String period) {
        return "/api/v1/reports/" + period;
    }

    public static String version(String period, int version) {
        return period(period) + "/versions/" + version;
    }

    public static List<ReportPage.Link> forVersion(String period, int version) {
        String base = version(period, version);
        List<ReportPage.Link> links = new ArrayList<>();
        links.add(new ReportPage.Link("json", "JSON", base));
        links.add(new ReportPage.Link("canonical", "Canonical JSON (hashed)", base + "/canonical.json"));
        links.add(new ReportPage.Link("csv", "CSV tables (zip)", base + "/tables.zip"));
        links.add(new ReportPage.Link("changes", "Changes (JSON)", base + "/changes"));
        links.add(new ReportPage.Link("versions", "All versions", period(period)));
        return links;
    }
}
