package org.christchurchcall.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.christchurchcall.report.support.Reports;
import org.christchurchcall.report.support.SourceStubs;
import org.christchurchcall.report.support.WireMockSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Headless Chromium (Debian's chromium package) loads a published report page from the running
 * test instance: the DOM it renders must hold the charts and key figures with the right values,
 * and a screenshot is saved beside the test reports.
 */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class BrowserReportTest {

    static final Path CHROMIUM = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));
    static final Path REPORTS = Paths.get("target", "surefire-reports");

    @WireMockSources.Inject
    WireMockServer wm;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void sources() {
        breakers.resetAll();
        SourceStubs.allUp(wm);
    }

    @Test
    void chromiumRendersThePublishedReportWithItsChartsAndFigures() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "headless Chromium is needed at " + CHROMIUM + " (apt-get install chromium)");
        JsonNode draft = Reports.createDraftOk("2023");
        String sha = Reports.publish(draft.get("id").asText(), draft.get("version").asLong(), null).then().statusCode(201)
                .extract().path("sha256");
        // through the stable "latest" URL, as a reader would follow it
        String url = "http://localhost:" + RestAssured.port + "/api/v1/reports/2023/latest/report.html";

        String dom = chromium("--dump-dom", url);
        assertTrue(dom.contains("<title>Christchurch Call transparency report, 2023</title>"), head(dom));
        assertEquals(sha, attr(dom, "data-key=\"sha256\">([0-9a-f]{64})<"));

        // key figures, as rendered
        assertEquals("1,200", keyFigure(dom, "hashes-total"));
        assertEquals("480", keyFigure(dom, "hashes-added"));
        assertEquals("12", keyFigure(dom, "hashes-retracted"));
        assertEquals("14", keyFigure(dom, "disputes-raised"));
        assertEquals("1,875", keyFigure(dom, "matches-served"));
        assertEquals("4", keyFigure(dom, "incidents"));
        assertEquals("21 min 01 s", keyFigure(dom, "median-time-to-activation"));
        assertEquals("87", keyFigure(dom, "supporters"));
        assertEquals("6", keyFigure(dom, "joined"));

        // charts: one inline SVG per figure with rows, bars carrying their values
        List<String> charts = all(dom, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart [^\"]+\" data-figure=\"([a-z-]+)\"");
        assertEquals(List.of("hashes-by-type", "hashes-by-label", "hashes-by-contributor-type", "hashes-by-status",
                "hashes-added-retracted", "hashes-added-by-type", "hash-feedback", "dispute-outcomes", "matches-by-type",
                "incidents-and-exercises", "incidents-by-status", "activations-by-protocol-and-level", "crisis-response-times",
                "supporters-by-type", "joins-by-type", "supporters-over-time", "stocktake-status-by-commitment"), charts);
        String byType = svg(dom, "hashes-by-type");
        assertEquals(List.of("md5=300", "pdq=700", "sha256=200"),
                all(byType, "<rect class=\"bar\"[^>]*data-label=\"([^\"]+)\" data-value=\"(\\d+)\"", 2));
        // bars are drawn to scale: pdq (700) is the longest, md5 (300) 3/7 of it
        List<String> widths = all(byType, "<rect class=\"bar\"[^>]*width=\"([0-9.]+)\"");
        assertEquals(Double.parseDouble(widths.get(1)) * 3 / 7, Double.parseDouble(widths.get(0)), 0.2);
        assertEquals(List.of("report to activation=1260.5", "activation to first notification delivered=2.5",
                "activation to first acknowledgement=300", "activation to median acknowledgement=900",
                "activation to last acknowledgement=3600", "activation to conclusion=122400"),
                all(svg(dom, "crisis-response-times"), "<rect class=\"bar\"[^>]*data-label=\"([^\"]+)\" data-value=\"([0-9.]+)\"", 2));
        String overTime = svg(dom, "supporters-over-time");
        assertEquals(List.of("government", "company", "civil-society", "intergovernmental").stream().sorted().toList(),
                all(overTime, "<polyline[^>]*data-series=\"([a-z-]+)\"").stream().sorted().toList());
        assertTrue(overTime.contains("data-series=\"government\" data-x=\"2025-01-01\" data-value=\"55\""));
        String stocktake = svg(dom, "stocktake-status-by-commitment");
        assertTrue(stocktake.contains("data-label=\"joint-6 / company\" data-category=\"implemented\" data-value=\"0.75\""));
        assertFalse(stocktake.contains("data-label=\"joint-6 / civil society\" data-category"), "no bar for unknown shares");

        // tables under the charts with the same figures
        assertTrue(dom.contains("<td class=\"num\" data-column=\"hashes\" data-value=\"700\">700</td>"));
        assertTrue(dom.contains("<td class=\"num\" data-column=\"medianSeconds\" data-value=\"122400\">1 d 10 h</td>"));
        assertTrue(dom.contains("<td class=\"num unknown\" data-column=\"share\" data-value=\"\">unknown</td>"));
        assertFalse(dom.contains("<script"), "no script at all");
        assertFalse(Pattern.compile("(src|href)=\"https?://(?!localhost)").matcher(dom).find(), "nothing from elsewhere");
        assertTrue(dom.contains("@media print"), "print stylesheet");

        Files.createDirectories(REPORTS);
        Path shot = REPORTS.resolve("report-2023-v1.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium("--screenshot=" + shot, "--window-size=1280,2000", "--hide-scrollbars", url);
        assertTrue(Files.size(shot) > 20_000, "a screenshot with content: " + Files.size(shot) + " bytes");
        byte[] png = Files.readAllBytes(shot);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        Files.writeString(REPORTS.resolve("report-2023-v1.html"), dom);
    }

    private static String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
            cmd.addAll(List.of(args));
            Path out = Files.createTempFile("chromium", ".out");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within 90 s: " + cmd);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            assertEquals(0, p.exitValue(), "chromium failed: " + cmd);
            return stdout;
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String keyFigure(String dom, String key) {
        return attr(dom, "data-key=\"" + key + "\" data-value=\"[^\"]*\">([^<]+)<");
    }

    private static String svg(String dom, String figure) {
        Matcher m = Pattern.compile("<svg[^>]*data-figure=\"" + figure + "\".*?</svg>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "no chart for " + figure);
        return m.group();
    }

    private static String attr(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "not found: " + regex);
        return m.group(1);
    }

    private static List<String> all(String text, String regex) {
        return all(text, regex, 1);
    }

    private static List<String> all(String text, String regex, int groups) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(groups == 1 ? m.group(1) : m.group(1) + "=" + m.group(2));
        }
        return out;
    }

    private static String head(String dom) {
        return dom.substring(0, Math.min(400, dom.length()));
    }
}
