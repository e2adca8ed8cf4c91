package org.christchurchcall.report.publication.rest;

/** Examples of the report representations that are not JSON objects, for the OpenAPI document. */
public final class ReportExamples {

    private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";

    public static final String DRAFT_HTML = HEAD + "<title>Christchurch Call transparency report, 2024 Q2 (draft)</title>...";

    public static final String PUBLISHED_HTML = HEAD + "<title>Christchurch Call transparency report, 2024 Q2</title>\n"
            + "<meta name=\"report-sha256\" content=\"9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab\">...";

    public static final String CSV = "type,hashes\r\npdq,125\r\nmd5,40\r\nsha256,12\r\n";

    public static final String CANONICAL = "{\"generatedAt\":\"2024-07-01T09:00:00Z\",\"missing\":[],\"period\":"
            + "{\"from\":\"2024-04-01T00:00:00Z\",\"key\":\"2024-q2\",\"label\":\"2024 Q2\",\"to\":\"2024-07-01T00:00:00Z\"},"
            + "\"publishedAt\":\"2024-07-02T10:00:00Z\",\"schema\":\"ccall-report/1\",\"title\":"
            + "\"Christchurch Call transparency report, 2024 Q2\",\"version\":1}";

    private ReportExamples() {
    }
}
