package org.christchurchcall.report;

import static io.restassured.RestAssured.given;
import static org.christchurchcall.report.support.Reports.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.json.CanonicalJson;
import org.christchurchcall.platform.testing.Rows;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.report.support.Reports;
import org.christchurchcall.report.support.SourceStubs;
import org.christchurchcall.report.support.WireMockSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Publishing: the frozen snapshot, its hash, its immutability, versions and public access. */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class PublicationTest {

    @WireMockSources.Inject
    WireMockServer wm;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    DataSource db;

    @BeforeEach
    void sources() {
        breakers.resetAll();
        SourceStubs.allUp(wm);
    }

    @Test
    void publishedReportIsPublicAndItsHashRecomputes() throws Exception {
        JsonNode draft = Reports.createDraftOk("2022");
        Response published = Reports.publish(draft.get("id").asText(), draft.get("version").asLong(), null);
        published.then().statusCode(201).header("Location", endsWith("/api/v1/reports/2022/versions/1"))
                .body("version", equalTo(1)).body("period", equalTo("2022"));
        String sha = published.jsonPath().getString("sha256");

        // public: no token at all
        Response view = given().get("/api/v1/reports/2022/versions/1");
        view.then().statusCode(200).header("ETag", containsString(sha)).header("Cache-Control", containsString("immutable"));
        JsonNode v = json(view);
        assertEquals(sha, v.get("sha256").asText());
        JsonNode snapshot = v.get("snapshot");
        assertEquals(1, snapshot.get("version").asInt());
        assertEquals(v.get("publishedAt").asText().replaceAll("\\.\\d+Z$", "Z"), snapshot.get("publishedAt").asText());
        assertTrue(snapshot.get("override").isNull());
        assertTrue(snapshot.get("previous").isNull());
        assertEquals(draft.get("content").get("tables"), snapshot.get("tables"), "the snapshot freezes the draft's figures");
        assertEquals(draft.get("content").get("sources"), snapshot.get("sources"), "and their sources");

        // anyone can recompute the hash: over the served canonical bytes ...
        byte[] canonical = given().get("/api/v1/reports/2022/versions/1/canonical.json").then().statusCode(200).extract()
                .asByteArray();
        assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)));
        // ... and over the snapshot, canonicalised independently of how it was stored
        assertEquals(new String(canonical, StandardCharsets.UTF_8), CanonicalJson.write(snapshot));
        assertEquals(json(new String(canonical, StandardCharsets.UTF_8)), snapshot);
        String text = new String(canonical, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"generatedAt\":"), "keys sorted: " + text.substring(0, 40));
        assertTrue(!text.contains(" \"") && !text.contains("\n"), "no whitespace between tokens");

        // stable URLs: the period lists its versions; latest redirects to the version
        given().get("/api/v1/reports/2022").then().statusCode(200).body("latestVersion", equalTo(1))
                .body("versions[0].sha256", equalTo(sha));
        given().redirects().follow(false).get("/api/v1/reports/2022/latest").then().statusCode(307)
                .header("Location", endsWith("/api/v1/reports/2022/versions/1"));
        given().redirects().follow(false).get("/api/v1/reports/2022/latest/report.html").then().statusCode(307)
                .header("Location", endsWith("/api/v1/reports/2022/versions/1/report.html"));
        given().get("/api/v1/reports/2022/latest").then().statusCode(200).body("sha256", equalTo(sha));
        given().get("/api/v1/reports").then().statusCode(200).body("items.find { it.period == '2022' }.sha256", equalTo(sha));
        given().get("/api/v1/reports/2022/versions/2").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/reports/1999").then().statusCode(404).contentType("application/problem+json");

        // the draft says where it went and cannot be published twice
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/report-drafts/" + draft.get("id").asText()).then()
                .statusCode(200).body("status", equalTo("published")).body("publishedVersion", equalTo(1))
                .body("publishedUrl", equalTo("/api/v1/reports/2022/versions/1"));
        int before = count("published_report");
        Reports.publish(draft.get("id").asText(), draft.get("version").asLong() + 1, null).then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(before, count("published_report"));
        given().auth().oauth2(TestTokens.secretariat()).delete("/api/v1/report-drafts/" + draft.get("id").asText()).then()
                .statusCode(409);
    }

    @Test
    void csvTablesAndZip() throws IOException {
        JsonNode draft = Reports.createDraftOk("2022-h1");
        Reports.publish(draft.get("id").asText(), draft.get("version").asLong(), null).then().statusCode(201);
        given().get("/api/v1/reports/2022-h1/versions/1/tables/hashes-by-type.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).body(equalTo("type,hashes\r\nmd5,300\r\npdq,700\r\nsha256,200\r\n"));
        given().get("/api/v1/reports/2022-h1/versions/1/tables/crisis-response-times.csv").then().statusCode(200)
                .body(containsString("interval,incidents,minSeconds,medianSeconds,meanSeconds,maxSeconds\r\n"
                        + "report-to-activation,3,540,1260.5,1380.167,2340\r\n"));
        given().get("/api/v1/reports/2022-h1/versions/1/tables/stocktake-status-by-commitment.csv").then().statusCode(200)
                .body(containsString("joint-6,civil-society,implemented,0,\r\n"))
                .body(containsString("gov-1,government,implemented,2,0.6667\r\n"));
        given().get("/api/v1/reports/2022-h1/versions/1/tables/no-such-figure.csv").then().statusCode(404);

        byte[] zip = given().get("/api/v1/reports/2022-h1/versions/1/tables.zip").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, String> entries = unzip(zip);
        assertEquals(20, entries.size(), entries.keySet()::toString);
        assertTrue(entries.get("README.txt").contains("SHA-256 of the canonical JSON: "));
        assertEquals("type,hashes\r\nmd5,300\r\npdq,700\r\nsha256,200\r\n", entries.get("hashes-by-type.csv"));
        assertEquals("raised,resolved,openNow\r\n14,11,3\r\n", entries.get("disputes.csv"));
        assertArrayEquals(zip, given().get("/api/v1/reports/2022-h1/versions/1/tables.zip").asByteArray(),
                "the same version always gives the same zip");
    }

    @Test
    void aLaterReportForThePeriodIsANewVersionWithItsChanges() {
        JsonNode first = Reports.createDraftOk("2022-q3");
        String sha1 = Reports.publish(first.get("id").asText(), first.get("version").asLong(), null).then().statusCode(201)
                .extract().path("sha256");

        // the sources moved on: more hashes, one more dispute, a new label
        SourceStubs.hashes(wm, SourceStubs.fixture("hash-aggregates.json").replace("\"pdq\": 700", "\"pdq\": 750")
                .replace("\"raised\": 14", "\"raised\": 15").replace("\"recruitment\": 150", "\"recruitment\": 150, \"instruction\": 5"));
        JsonNode second = Reports.createDraftOk("2022-q3");
        Response r = Reports.publish(second.get("id").asText(), second.get("version").asLong(), null);
        r.then().statusCode(201).header("Location", endsWith("/api/v1/reports/2022-q3/versions/2"));
        String sha2 = r.path("sha256");
        assertNotEquals(sha1, sha2);

        // both versions stay, side by side; the new one names its predecessor's hash
        given().get("/api/v1/reports/2022-q3/versions/1").then().statusCode(200).body("sha256", equalTo(sha1));
        given().get("/api/v1/reports/2022-q3/versions/2").then().statusCode(200)
                .body("snapshot.previous.version", equalTo(1)).body("snapshot.previous.sha256", equalTo(sha1));
        given().get("/api/v1/reports/2022-q3").then().body("latestVersion", equalTo(2)).body("versions.size()", equalTo(2));

        JsonNode changes = json(given().get("/api/v1/reports/2022-q3/versions/2/changes").then().statusCode(200).extract()
                .response());
        assertEquals(1, changes.get("previousVersion").asInt());
        assertEquals(sha1, changes.get("previousSha256").asText());
        Map<String, JsonNode> byFigure = new LinkedHashMap<>();
        changes.get("figures").forEach(f -> byFigure.put(f.get("figure").asText(), f));
        assertEquals(java.util.Set.of("hashes-by-type", "hashes-by-label", "disputes"), byFigure.keySet());
        assertEquals(json("[{\"row\":{\"type\":\"pdq\"},\"column\":\"hashes\",\"previous\":700,\"current\":750,\"delta\":50}]"),
                byFigure.get("hashes-by-type").get("values"));
        assertEquals(json("[{\"row\":{\"label\":\"instruction\"},\"column\":\"hashes\",\"previous\":null,\"current\":5,\"delta\":null}]"),
                byFigure.get("hashes-by-label").get("values"));
        assertEquals(json("[{\"row\":{},\"column\":\"raised\",\"previous\":14,\"current\":15,\"delta\":1}]"),
                byFigure.get("disputes").get("values"));
        given().get("/api/v1/reports/2022-q3/versions/1/changes").then().body("previousVersion", equalTo(null))
                .body("figures.size()", equalTo(0));
        given().get("/api/v1/reports/2022-q3/versions/2/report.html").then().statusCode(200)
                .body(containsString("Changes from the previous version"))
                .body(containsString("data-figure=\"hashes-by-type\"><td>Hashes by type</td><td>pdq</td><td>hashes</td>"
                        + "<td class=\"num\">700</td><td class=\"num\">750</td><td class=\"num\">+50</td>"));
    }

    @Test
    void publishedSnapshotsAreImmutableEvenInTheDatabase() throws SQLException {
        JsonNode draft = Reports.createDraftOk("2022-q4");
        String sha = Reports.publish(draft.get("id").asText(), draft.get("version").asLong(), null).then().statusCode(201)
                .extract().path("sha256");
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> st.executeUpdate(
                    "update published_report set snapshot = '{}' where period_key = '2022-q4'"));
            assertTrue(update.getMessage().contains("published reports are immutable"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> st.executeUpdate("delete from published_report where period_key = '2022-q4'"));
            assertTrue(delete.getMessage().contains("published reports are immutable"), delete.getMessage());
            assertThrows(SQLException.class, () -> st.executeUpdate("truncate published_report cascade"));
        }
        // the service has no endpoint that changes a published report
        given().auth().oauth2(TestTokens.secretariat()).contentType("application/json").body("{}")
                .put("/api/v1/reports/2022-q4/versions/1").then().statusCode(405);
        given().auth().oauth2(TestTokens.secretariat()).delete("/api/v1/reports/2022-q4/versions/1").then().statusCode(405);
        given().get("/api/v1/reports/2022-q4/versions/1").then().statusCode(200).body("sha256", equalTo(sha));
        byte[] canonical = given().get("/api/v1/reports/2022-q4/versions/1/canonical.json").asByteArray();
        assertEquals(sha, CanonicalJson.sha256Hex(new String(canonical, StandardCharsets.UTF_8)));
    }

    @Test
    void staleDraftVersionIsRefusedAndChangesNothing() throws SQLException {
        JsonNode draft = Reports.createDraftOk("2021-q2");
        int before = count("published_report");
        Reports.publish(draft.get("id").asText(), draft.get("version").asLong() + 7, null).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:ccall:problem:stale-version"));
        given().auth().oauth2(TestTokens.secretariat()).contentType("application/json").body("{}")
                .post("/api/v1/report-drafts/" + draft.get("id").asText() + "/publish").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.secretariat()).contentType("application/json").body("{\"version\":\"x\"}")
                .post("/api/v1/report-drafts/" + draft.get("id").asText() + "/publish").then().statusCode(400);
        Reports.publish("00000000-0000-4000-8000-000000000000", 0, null).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(before, count("published_report"));
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/report-drafts/" + draft.get("id").asText()).then()
                .body("status", equalTo("draft"));
    }

    @Test
    void unpublishedDraftsCanBeDiscarded() throws SQLException {
        JsonNode draft = Reports.createDraftOk("2021-q1");
        int before = count("report_draft");
        given().auth().oauth2(TestTokens.secretariat()).delete("/api/v1/report-drafts/" + draft.get("id").asText()).then()
                .statusCode(204);
        assertEquals(before - 1, count("report_draft"));
        given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/report-drafts/" + draft.get("id").asText()).then()
                .statusCode(404);
    }

    int count(String table) {
        return (int) new Rows(db).count(table);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
