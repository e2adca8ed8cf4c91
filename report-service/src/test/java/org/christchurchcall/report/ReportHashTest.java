package org.christchurchcall.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.christchurchcall.platform.json.CanonicalJson;
import org.christchurchcall.report.content.ReportJson;
import org.christchurchcall.report.support.Reports;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The canonical form that published hashes cover is the platform's RFC 8785 canonicaliser; for the
 * values reports hold it is the text that reports published before it hold, so their hashes stand.
 */
class ReportHashTest {

    final ReportJson json = new ReportJson(new ObjectMapper());

    @Test
    void reportsPublishedBeforeKeepTheirTextAndHash() {
        // stored-reports/SHA256SUMS: snapshots and sha256 columns of published_report rows written by
        // report-service's own canonicaliser, before the platform's replaced it
        List<String> sums = resource("SHA256SUMS").lines().filter(l -> !l.isBlank()).toList();
        for (String line : sums) {
            String sha = line.substring(0, 64);
            String file = line.substring(66);
            String stored = resource(file);
            String canonical = json.canonical(json.readTree(stored));
            assertEquals(stored, canonical, file);
            assertEquals(sha, CanonicalJson.sha256Hex(canonical), file);
        }
        assertTrue(!sums.isEmpty(), "no stored report to check");
    }

    @Test
    void sortsKeysDropsWhitespaceAndSpellsNumbersPlainly() {
        String in = "{ \"b\": [3, 1.50, 0.3333, 0, -2, 1e2, null, true],\n \"a\": {\"z\": \"x\", \"A\": false}, \"aa\": 88200.000 }";
        assertEquals("{\"a\":{\"A\":false,\"z\":\"x\"},\"aa\":88200,\"b\":[3,1.5,0.3333,0,-2,100,null,true]}",
                json.canonical(Reports.json(in)));
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        String in = "{\"s\":\"quote \\\" backslash \\\\ slash / tab \\t nl \\n bell \\u0007 é € 😀\"}";
        assertEquals("{\"s\":\"quote \\\" backslash \\\\ slash / tab \\t nl \\n bell \\u0007 é € 😀\"}",
                json.canonical(Reports.json(in)));
    }

    @Test
    void refusesDecimalsBeyondWhatReportsHold() {
        for (String n : List.of("0.123456", "12345678901234.5678", "1e15")) {
            assertThrows(IllegalArgumentException.class, () -> json.canonical(Reports.json("{\"x\":" + n + "}")), n);
        }
        assertEquals("{\"x\":99999999999.9999}", json.canonical(Reports.json("{\"x\":99999999999.9999}")));
    }

    private static String resource(String name) {
        try (InputStream in = ReportHashTest.class.getResourceAsStream("/stored-reports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
