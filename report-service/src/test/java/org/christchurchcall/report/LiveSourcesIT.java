package org.christchurchcall.report;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.christchurchcall.platform.json.CanonicalJson;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.report.live.Http.Reply;
import org.christchurchcall.report.live.Http;
import org.christchurchcall.report.live.LivePlatform;
import org.christchurchcall.report.live.Seeded;
import org.christchurchcall.report.live.WebhookReceiver;
import org.christchurchcall.report.support.Reports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * report-service against the real services: the four packaged jars run as child processes on
 * fresh databases ({@link LivePlatform}); the test seeds known data through the public APIs as the
 * secretariat and supporters' clients would (supporters and their membership, the secretariat's grants
 * of roles and protocol participation, API clients, webhook endpoints, two stocktakes, shared hashes with feedback, disputes, retractions and matches, live
 * incidents through their lifecycle with notifications and acknowledgements, and an exercise),
 * then generates a report and checks every figure against what it seeded ({@link Seeded}),
 * publishes it and checks its hash, public access, access to drafts, a second version beside the
 * first, and what a report says when a source is down.
 *
 * <p>The tests run in order and share the platform: each step builds on the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveSourcesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> HASH_FIGURES = Set.of("hashes-by-type", "hashes-by-label",
            "hashes-by-contributor-type", "hashes-by-status", "hashes-added-retracted", "hashes-added-by-type",
            "hash-feedback", "disputes", "dispute-outcomes", "matches-served", "matches-by-type");
    private static final Random RANDOM = new Random(20190515);
    /** Hash values, random but the same every run: four PDQ hashes far apart, and exact hashes. */
    private static final String[] PDQ = { hex(32), hex(32), hex(32), hex(32) };
    private static final String MD5_SHARED = hex(16);
    private static final String MD5_RETRACTED = hex(16);
    private static final String SHA256_MATCHED = hex(32);
    private static final String SHA256_DISPUTED = hex(32);

    private static Path work;
    private static LivePlatform platform;
    private static WebhookReceiver hooks;
    private static final Seeded seeded = new Seeded();
    private static final Instant started = Instant.now();

    private static String period;
    private static Instant from;
    private static Instant to;
    private static String secretariat;

    private static String g1Token;
    private static String i1Token;
    private static String c1Token;
    private static String c2Token;
    private static String cs1Token;
    private static String auditorToken;
    private static String secondStocktakeId;

    private static JsonNode firstDraft;
    private static String firstSha;
    private static byte[] firstCanonical;

    @BeforeAll
    static void startThePlatformAndSeedIt() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        work = module.resolve("target/live-sources-it");
        hooks = new WebhookReceiver();
        platform = new LivePlatform(module.getParent(), work);
        platform.start();
        System.out.printf("LiveSourcesIT: four services ready after %d s%n", Duration.between(started, Instant.now()).toSeconds());

        // the first of this month to tomorrow (UTC, whole days): the seeded data falls inside even if
        // the run crosses midnight, and membership over time has at least the point of the first
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        period = today.withDayOfMonth(1) + "--" + today.plusDays(1);
        from = today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        to = today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        secretariat = platform.secretariatToken();

        Map<String, String> supporters = seedMembership();
        seedClientsAndWebhooks(supporters);
        seedStocktakes(supporters);
        String crisisIncident = seedIncidents();
        seedHashes(crisisIncident);
        serveMatches();
        // reports read matches from a tally the hashmatch-service flushes every second
        await("the match tally").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.get(platform.hashmatch.url() + "/api/v1/hashes/aggregates?from=" + from + "&to=" + to,
                        secretariat).expect(200).json().at("/matches/queries").asLong() == seeded.matchQueries);
        System.out.printf("LiveSourcesIT: seeded after %d s%n", Duration.between(started, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
        if (hooks != null) {
            hooks.close();
        }
        System.out.printf("LiveSourcesIT: done after %d s%n", Duration.between(started, Instant.now()).toSeconds());
    }

    // --- the report ---------------------------------------------------------------------------

    @Test
    @Order(1)
    void aDraftShowsEveryFigureOfTheSeededData() {
        firstDraft = createDraft();
        keep("draft-1.json", firstDraft);
        assertEquals(period, firstDraft.get("period").asText());
        assertEquals("draft", firstDraft.get("status").asText());
        assertEquals(0, firstDraft.get("missing").size(), () -> "nothing missing: " + firstDraft.get("missing"));
        JsonNode content = firstDraft.get("content");
        assertEquals(from.toString(), content.at("/period/from").asText());
        assertEquals(to.toString(), content.at("/period/to").asText());

        Map<String, String> sources = new LinkedHashMap<>();
        content.get("sources").forEach(s -> sources.put(s.get("id").asText(), s.get("status").asText()));
        assertEquals(Map.of("hash-aggregates", "ok", "incident-aggregates", "ok", "membership-aggregates", "ok",
                "stocktake-summary", "ok"), sources, () -> content.get("sources").toString());

        assertFigures(seeded.figures(from, to), content, Set.of());
        JsonNode stocktake = table(content, "stocktake-status-by-commitment");
        assertTrue(stocktake.get("note").asText().contains(secondStocktakeId),
                "the figures come from the later stocktake: " + stocktake.get("note"));

        // an auditor reads the same draft
        JsonNode asAuditor = Http.get(reportUrl("/api/v1/report-drafts/" + id(firstDraft)), auditorToken).expect(200).json();
        assertEquals(content, asAuditor.get("content"));
    }

    @Test
    @Order(2)
    void thePublishedReportIsPublicAndItsHashRecomputes() throws Exception {
        Reply published = publish(firstDraft, null).expect(201);
        assertTrue(published.header("Location").orElse("").endsWith("/api/v1/reports/" + period + "/versions/1"),
                published.headers().map()::toString);
        firstSha = published.json().get("sha256").asText();
        assertTrue(firstSha.matches("[0-9a-f]{64}"), firstSha);

        // no token at all
        String v1 = reportUrl("/api/v1/reports/" + period + "/versions/1");
        Reply view = Http.get(v1, null).expect(200);
        assertTrue(view.header("ETag").orElse("").contains(firstSha));
        assertTrue(view.header("Cache-Control").orElse("").contains("immutable"));
        JsonNode snapshot = view.json().get("snapshot");
        assertEquals(firstSha, view.json().get("sha256").asText());
        assertEquals(1, snapshot.get("version").asInt());
        assertTrue(snapshot.get("override").isNull());
        assertTrue(snapshot.get("previous").isNull());
        assertEquals(firstDraft.at("/content/tables"), snapshot.get("tables"), "the snapshot freezes the draft's figures");
        assertEquals(firstDraft.at("/content/sources"), snapshot.get("sources"));

        // the hash: over the canonical bytes served, and over the snapshot canonicalised here
        firstCanonical = Http.get(v1 + "/canonical.json", null).expect(200).body();
        assertEquals(firstSha, sha256(firstCanonical));
        assertEquals(new String(firstCanonical, StandardCharsets.UTF_8), CanonicalJson.write(snapshot));
        assertEquals(firstSha, CanonicalJson.sha256Hex(CanonicalJson.write(snapshot)));

        // every representation is public
        String html = Http.get(v1 + "/report.html", null).expect(200).text();
        assertTrue(html.contains(firstSha), "the page states its hash");
        String csv = Http.get(v1 + "/tables/hashes-by-type.csv", null).expect(200).text();
        StringBuilder expectedCsv = new StringBuilder("type,hashes\r\n");
        seeded.hashFigures().get("hashes-by-type").forEach(r -> expectedCsv.append(r.get("type")).append(',')
                .append(r.get("hashes")).append("\r\n"));
        assertEquals(expectedCsv.toString(), csv);
        Reply zip = Http.get(v1 + "/tables.zip", null).expect(200);
        assertTrue(zip.body().length > 0 && zip.body()[0] == 'P' && zip.body()[1] == 'K', "a zip");
        assertEquals(firstSha, Http.get(reportUrl("/api/v1/reports/" + period), null).expect(200).json()
                .at("/versions/0/sha256").asText());
        JsonNode list = Http.get(reportUrl("/api/v1/reports"), null).expect(200).json();
        assertEquals(firstSha, list.at("/items/0/sha256").asText());
        Reply latest = Http.get(reportUrl("/api/v1/reports/" + period + "/latest"), null).expect(307);
        assertTrue(latest.header("Location").orElse("").endsWith("/api/v1/reports/" + period + "/versions/1"));

        // the draft says where it went
        JsonNode draft = Http.get(reportUrl("/api/v1/report-drafts/" + id(firstDraft)), secretariat).expect(200).json();
        assertEquals("published", draft.get("status").asText());
        assertEquals("/api/v1/reports/" + period + "/versions/1", draft.get("publishedUrl").asText());
    }

    @Test
    @Order(3)
    void draftsAreForTheSecretariatAndAuditorsOnly() {
        String drafts = reportUrl("/api/v1/report-drafts");
        String draft = drafts + "/" + id(firstDraft);
        int before = Http.get(drafts, secretariat).expect(200).json().get("items").size();
        Map<String, Object> create = Map.of("period", period);

        // no token, or a token supporter-service never issued (signed by a key it does not publish)
        for (String token : new String[] { null, TestTokens.secretariat() }) {
            Http.get(drafts, token).expect(401);
            Http.get(draft, token).expect(401);
            Http.get(draft + "/report.html", token).expect(401);
            Http.post(drafts, token, create).expect(401);
            Http.post(draft + "/publish", token, Map.of("version", 0)).expect(401);
            Http.delete(draft, token).expect(401);
        }
        // real tokens of supporters' clients
        for (String token : new String[] { c1Token, g1Token, cs1Token }) {
            Http.get(drafts, token).expect(403);
            Http.get(draft, token).expect(403);
            Http.get(draft + "/report.html", token).expect(403);
            Http.post(drafts, token, create).expect(403);
            Http.post(draft + "/publish", token, Map.of("version", 0)).expect(403);
            Http.delete(draft, token).expect(403);
        }
        // an auditor reads drafts but neither generates, publishes nor discards them
        Http.get(drafts, auditorToken).expect(200);
        Http.get(draft + "/report.html", auditorToken).expect(200);
        Http.post(drafts, auditorToken, create).expect(403);
        Http.post(draft + "/publish", auditorToken, Map.of("version", 0)).expect(403);
        Http.delete(draft, auditorToken).expect(403);

        assertEquals(before, Http.get(drafts, secretariat).expect(200).json().get("items").size(), "no draft was made");
        Http.get(reportUrl("/api/v1/reports/" + period + "/versions/2"), null).expect(404);
    }

    @Test
    @Order(4)
    void aLaterReportIsANewVersionAndTheFirstStaysAsItWas() throws Exception {
        Map<String, List<Map<String, Object>>> before = seeded.figures(from, to);
        // the world moves on: a company shares one more hash
        shareHash(c2Token, "company", "md5", hex(16), null, List.of("audio"), null);
        Map<String, List<Map<String, Object>>> after = seeded.figures(from, to);

        JsonNode secondDraft = createDraft();
        keep("draft-2.json", secondDraft);
        assertFigures(after, secondDraft.get("content"), Set.of());
        Reply published = publish(secondDraft, null).expect(201);
        assertTrue(published.header("Location").orElse("").endsWith("/api/v1/reports/" + period + "/versions/2"));
        String secondSha = published.json().get("sha256").asText();
        assertNotEquals(firstSha, secondSha);

        // version 1 is unchanged, byte for byte
        String v1 = reportUrl("/api/v1/reports/" + period + "/versions/1");
        assertEquals(firstSha, Http.get(v1, null).expect(200).json().get("sha256").asText());
        assertArrayEquals(firstCanonical, Http.get(v1 + "/canonical.json", null).expect(200).body());
        // version 2 names version 1's hash, and its own hash recomputes
        String v2 = reportUrl("/api/v1/reports/" + period + "/versions/2");
        JsonNode second = Http.get(v2, null).expect(200).json();
        assertEquals(1, second.at("/snapshot/previous/version").asInt());
        assertEquals(firstSha, second.at("/snapshot/previous/sha256").asText());
        assertEquals(secondSha, sha256(Http.get(v2 + "/canonical.json", null).expect(200).body()));
        JsonNode versions = Http.get(reportUrl("/api/v1/reports/" + period), null).expect(200).json();
        assertEquals(2, versions.get("latestVersion").asInt());
        assertEquals(2, versions.get("versions").size());

        // the differences shown are exactly the figures that moved
        JsonNode changes = Http.get(v2 + "/changes", null).expect(200).json();
        assertEquals(1, changes.get("previousVersion").asInt());
        assertEquals(firstSha, changes.get("previousSha256").asText());
        Map<String, JsonNode> byFigure = new LinkedHashMap<>();
        changes.get("figures").forEach(f -> byFigure.put(f.get("figure").asText(), f));
        Set<String> moved = before.keySet().stream().filter(f -> !before.get(f).equals(after.get(f)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(moved, new TreeSet<>(byFigure.keySet()));
        assertEquals(Set.of("hashes-by-type", "hashes-by-label", "hashes-by-contributor-type", "hashes-by-status",
                "hashes-added-retracted", "hashes-added-by-type"), moved);
        byFigure.values().forEach(f -> assertEquals("values-changed", f.get("change").asText()));
        long md5Before = count(before.get("hashes-by-type"), "type", "md5", "hashes");
        assertEquals(Reports.json("[{\"row\":{\"type\":\"md5\"},\"column\":\"hashes\",\"previous\":" + md5Before
                + ",\"current\":" + (md5Before + 1) + ",\"delta\":1}]"), byFigure.get("hashes-by-type").get("values"));
        assertEquals(Reports.json("[{\"row\":{\"label\":\"audio\"},\"column\":\"hashes\",\"previous\":null,\"current\":1,"
                + "\"delta\":null}]"), byFigure.get("hashes-by-label").get("values"));

        // a published draft is neither published again nor discarded, and the database refuses changes
        publish(firstDraft, null).expect(409);
        Http.delete(reportUrl("/api/v1/report-drafts/" + id(firstDraft)), secretariat).expect(409);
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("report"), "postgres", "");
                Statement st = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> st.executeUpdate("update published_report set snapshot = '{}' where version_number = 1"));
            assertTrue(refused.getMessage().contains("published reports are immutable"), refused.getMessage());
        }
        assertArrayEquals(firstCanonical, Http.get(v1 + "/canonical.json", null).expect(200).body());
    }

    @Test
    @Order(5)
    void whenASourceIsDownItsFiguresAreNamedMissingAndPublishingNeedsAnOverride() {
        platform.hashmatch.stop();
        JsonNode draft = createDraft();
        keep("draft-3.json", draft);
        JsonNode content = draft.get("content");

        // hashmatch-service's figures are missing, with the reason, never zeros; the others are all there
        Map<String, JsonNode> missing = new LinkedHashMap<>();
        draft.get("missing").forEach(m -> missing.put(m.get("figure").asText(), m));
        assertEquals(HASH_FIGURES, missing.keySet());
        missing.values().forEach(m -> {
            assertEquals("hash-aggregates", m.get("source").asText());
            assertTrue(m.get("reason").asText().contains("hashmatch-service"), m.toString());
        });
        assertFigures(seeded.figures(from, to), content, HASH_FIGURES);
        JsonNode hashSource = null;
        for (JsonNode s : content.get("sources")) {
            if (s.get("id").asText().equals("hash-aggregates")) {
                hashSource = s;
            } else {
                assertEquals("ok", s.get("status").asText(), s::toString);
            }
        }
        assertEquals("unavailable", hashSource.get("status").asText());
        assertFalse(hashSource.get("error").asText().isBlank());

        // publishing it needs an override, and the report states it
        Reply refused = publish(draft, null).expect(409);
        assertTrue(refused.text().contains("override"), refused.text());
        Http.get(reportUrl("/api/v1/reports/" + period + "/versions/3"), null).expect(404);
        String reason = "hashmatch-service is down for maintenance; the membership and crisis figures are due today";
        publish(draft, reason).expect(201);
        String v3 = reportUrl("/api/v1/reports/" + period + "/versions/3");
        JsonNode snapshot = Http.get(v3, null).expect(200).json().get("snapshot");
        assertEquals(reason, snapshot.at("/override/reason").asText());
        String statement = snapshot.at("/override/statement").asText();
        assertTrue(statement.startsWith("Published without 11 figure(s)"), statement);
        assertEquals(11, snapshot.get("missing").size());
        String html = Http.get(v3 + "/report.html", null).expect(200).text();
        assertTrue(html.contains(statement.substring(0, 40)), "the page states the override");
        Http.get(v3 + "/tables/hashes-by-type.csv", null).expect(409);
        Http.get(v3 + "/tables/supporters-by-type.csv", null).expect(200);

        JsonNode changes = Http.get(v3 + "/changes", null).expect(200).json();
        Map<String, String> byFigure = new LinkedHashMap<>();
        changes.get("figures").forEach(f -> byFigure.put(f.get("figure").asText(), f.get("change").asText()));
        assertEquals(HASH_FIGURES, byFigure.keySet());
        assertTrue(byFigure.values().stream().allMatch("now-missing"::equals), byFigure::toString);
    }

    // --- seeding through the public APIs ------------------------------------------------------

    /** Registers and admits supporters as the secretariat; returns their ids by short name. */
    private static Map<String, String> seedMembership() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("g1", admitted("Germany", "government", "DE", null));
        ids.put("g2", admitted("Canada", "government", "CA", LocalDate.of(2020, 3, 1)));
        ids.put("i1", admitted("Council of Europe", "intergovernmental", null, null));
        ids.put("c1", admitted("Kestrel Video", "company", "US", LocalDate.of(2022, 1, 10)));
        ids.put("c2", admitted("Harbour Social", "company", "NZ", null));
        ids.put("cs1", admitted("Access Now", "civil-society", "US", null));

        // suspended, and withdrawn: members no longer
        String g3 = admitted("Australia", "government", "AU", LocalDate.of(2021, 6, 1));
        JsonNode suspended = Http.post(supporterUrl("/api/v1/supporters/" + g3 + "/suspend"), secretariat,
                body("version", version(g3), "reason", "failed to renew its commitment")).expect(200).json();
        replaceLeftAt("Australia", Instant.parse(suspended.get("suspendedAt").asText()));
        String c3 = admitted("Quillpost", "company", "FR", null);
        JsonNode withdrawn = Http.post(supporterUrl("/api/v1/supporters/" + c3 + "/withdraw"), secretariat,
                body("version", version(c3), "reason", "closed its service")).expect(200).json();
        replaceLeftAt("Quillpost", Instant.parse(withdrawn.get("withdrawnAt").asText()));
        // an applicant not yet admitted
        Http.post(supporterUrl("/api/v1/supporters"), secretariat, body("name", "WITNESS", "type", "civil-society",
                "country", "US")).expect(201);
        seeded.members.add(new Seeded.Member("WITNESS", "civil-society", null, null));

        // the demonstration register that supporter-service seeded (bin/ccall up's): all active
        Map<String, String> demo = Map.of("New Zealand", "government", "France", "government", "European Commission",
                "intergovernmental", "LINE Corporation", "company", "jeuxvideo.com", "company", "InternetNZ", "civil-society");
        JsonNode all = Http.get(supporterUrl("/api/v1/supporters?limit=500"), secretariat).expect(200).json();
        assertEquals(seeded.members.size() + demo.size(), all.get("items").size(), all::toString);
        for (JsonNode s : all.get("items")) {
            String type = demo.get(s.get("name").asText());
            if (type != null) {
                assertEquals(type, s.get("type").asText());
                assertEquals("active", s.get("status").asText());
                seeded.members.add(new Seeded.Member(s.get("name").asText(), type, LocalDate.parse(s.get("joinedOn").asText()),
                        null));
            }
        }
        return ids;
    }

    private static void seedClientsAndWebhooks(Map<String, String> ids) {
        String ops = "crisis-coordinator,hash-contributor,matcher";
        // the secretariat grants the operational roles and protocol participation before clients and webhooks use them
        for (String s : List.of("g1", "i1", "c1", "c2")) {
            grant(ids.get(s), "roles", ops.split(","));
        }
        grant(ids.get("g1"), "protocols", "ccscrp", "eu-crisis-protocol");
        grant(ids.get("c1"), "protocols", "ccscrp", "gifct-cip");
        grant(ids.get("c2"), "protocols", "ccscrp", "gifct-cip");
        grant(ids.get("i1"), "protocols", "eu-crisis-protocol");

        g1Token = clientToken(ids.get("g1"), "Germany crisis desk", ops);
        i1Token = clientToken(ids.get("i1"), "Council of Europe crisis desk", ops);
        c1Token = clientToken(ids.get("c1"), "Kestrel Video trust and safety", ops);
        c2Token = clientToken(ids.get("c2"), "Harbour Social trust and safety", ops);
        cs1Token = clientToken(ids.get("cs1"), "Access Now portal", "");
        auditorToken = clientToken(null, "Independent auditor", "auditor");

        webhook(ids.get("g1"), "g1", "ccscrp", "eu-crisis-protocol");
        webhook(ids.get("c1"), "c1", "ccscrp", "gifct-cip");
        webhook(ids.get("c2"), "c2", "ccscrp", "gifct-cip");
        webhook(ids.get("i1"), "i1", "eu-crisis-protocol");
    }

    /**
     * An earlier stocktake, closed, and a later one whose reports the report must use: supporters
     * report for themselves or the secretariat reports on their behalf.
     */
    private static void seedStocktakes(Map<String, String> ids) {
        String first = Http.post(supporterUrl("/api/v1/stocktakes"), secretariat, body("name", "First round " + started,
                "description", "an earlier stocktake")).expect(201).json().get("id").asText();
        submit(first, g1Token, null, "gov-1", "not-started", "joint-1", "not-started");
        submit(first, secretariat, ids.get("c1"), "osp-1", "in-progress");
        JsonNode st = Http.get(supporterUrl("/api/v1/stocktakes/" + first), secretariat).expect(200).json();
        Http.post(supporterUrl("/api/v1/stocktakes/" + first + "/close"), secretariat, body("version", st.get("version")))
                .expect(200);

        secondStocktakeId = Http.post(supporterUrl("/api/v1/stocktakes"), secretariat, body("name", "Second round " + started,
                "description", "the later stocktake")).expect(201).json().get("id").asText();
        String s = secondStocktakeId;
        record("government", submit(s, g1Token, null, "gov-1", "implemented", "gov-2", "in-progress", "joint-1", "implemented",
                "joint-7", "in-progress"));
        record("government", submit(s, secretariat, ids.get("g2"), "gov-1", "in-progress", "joint-1", "implemented"));
        record("intergovernmental", submit(s, i1Token, null, "gov-1", "implemented", "joint-7", "not-started"));
        record("company", submit(s, c1Token, null, "osp-1", "implemented", "osp-4", "in-progress", "joint-1", "not-started"));
        record("company", submit(s, secretariat, ids.get("c2"), "osp-1", "implemented", "joint-7", "implemented"));
        record("civil-society", submit(s, cs1Token, null, "joint-1", "not-applicable", "joint-9", "implemented"));
    }

    /**
     * Four live incidents and an exercise. A: reported by a government, activated (ccscrp), level
     * raised, acknowledged by three participants, concluded. B: reported by a company, the company
     * protocol activated with a second organisation's approval and the EU protocol by an
     * intergovernmental organisation, acknowledged twice, still active. C: assessing with an
     * activation awaiting approval. D: reported only. The exercise is activated and acknowledged.
     * Returns B's id, which crisis hashes are tagged with.
     */
    private static String seedIncidents() {
        String a = reportIncident(g1Token, "Livestreamed attack in Exampletown", List.of("ccscrp"), false);
        transition(g1Token, a, "assessing", null);
        JsonNode aActivation = activate(g1Token, a, "ccscrp", "awareness", "in-effect");
        awaitDelivered(a, 3);
        long activationVersion = activationOf(a, "ccscrp").get("version").asLong();
        Http.post(protocolUrl("/api/v1/incidents/" + a + "/activations/" + aActivation.get("id").asText() + "/level-changes"),
                g1Token, body("level", "coordinated-response", "reason", "copies spreading to other platforms", "version",
                        activationVersion)).expect(200);
        acknowledge(c1Token, a);
        acknowledge(g1Token, a);
        acknowledge(c2Token, a);
        transition(g1Token, a, "concluding", null);
        transition(g1Token, a, "concluded", "volume fell below the threshold for six hours");

        String b = reportIncident(c1Token, "Perpetrator video spreading", List.of("gifct-cip", "eu-crisis-protocol"), false);
        transition(c1Token, b, "assessing", null);
        // gifct-cip's current version (2025) has activation types instead of levels
        JsonNode pending = activate(c1Token, b, "gifct-cip", "perpetrator-content-incident", "pending-approval");
        Http.post(protocolUrl("/api/v1/incidents/" + b + "/activations/" + pending.get("id").asText() + "/approvals"), c2Token,
                body("note", "confirmed: perpetrator-produced video on member platforms")).expect(200);
        activate(i1Token, b, "eu-crisis-protocol", "crisis", "in-effect");
        awaitDelivered(b, 4);
        acknowledge(c2Token, b);
        acknowledge(i1Token, b);

        String c = reportIncident(c2Token, "Manifesto circulating", List.of("gifct-cip"), false);
        transition(c2Token, c, "assessing", null);
        activate(c2Token, c, "gifct-cip", "awareness-communication", "pending-approval");

        String d = reportIncident(secretariat, "Threat reported by a member of the public", List.of("ccscrp"), false);

        String exercise = reportIncident(g1Token, "Annual CCSCRP exercise", List.of("ccscrp"), true);
        transition(g1Token, exercise, "assessing", null);
        activate(g1Token, exercise, "ccscrp", "full-activation", "in-effect");
        awaitDelivered(exercise, 3);
        acknowledge(c1Token, exercise);
        seeded.exercises = 1;

        // every notification (activation, level change, conclusion) delivered before timings are read
        for (String id : List.of(a, b, exercise)) {
            awaitDelivered(id, id.equals(b) ? 4 : 3);
        }
        // what the participants' endpoints received: A's activation, level change and conclusion
        for (String event : List.of("incident.activated", "incident.level-changed", "incident.concluded")) {
            Set<String> reached = hooks.received().stream().filter(r -> r.body().contains(a) && r.body().contains(event))
                    .map(WebhookReceiver.Received::path).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("/hooks/c1", "/hooks/c2", "/hooks/g1"), reached, event);
        }
        for (String id : List.of(a, b, c, d)) {
            seeded.incidents.add(asSeeded(id));
        }
        return b;
    }

    /**
     * Ten hashes from four contributors (one md5 value shared by two of them), feedback, four
     * disputes (kept, relabelled, retracted, open) and a retraction by its contributor.
     */
    private static void seedHashes(String crisisIncident) {
        List<String> h = new ArrayList<>();
        h.add(shareHash(c1Token, "company", "pdq", PDQ[0], 90, List.of("video", "isil-da-esh",
                "glorification-of-terrorist-acts"), crisisIncident));
        h.add(shareHash(c1Token, "company", "pdq", PDQ[1], 75, List.of("image", "recruitment"), null));
        h.add(shareHash(c1Token, "company", "md5", MD5_SHARED, null, List.of("video"), crisisIncident));
        h.add(shareHash(c1Token, "company", "md5", MD5_RETRACTED, null, List.of("image", "instruction"), null));
        h.add(shareHash(c1Token, "company", "sha256", SHA256_MATCHED, null, List.of("pdf", "instruction"), null));
        h.add(shareHash(g1Token, "government", "md5", MD5_SHARED, null, List.of("video", "national-designation"), null));
        h.add(shareHash(g1Token, "government", "sha256", hex(32), null, List.of("text", "recruitment"), null));
        h.add(shareHash(i1Token, "intergovernmental", "pdq", PDQ[2], 60, List.of("image", "al-qaida"), null));
        h.add(shareHash(c2Token, "company", "sha256", SHA256_DISPUTED, null, List.of("url", "imminent-credible-threat"), null));
        h.add(shareHash(c2Token, "company", "pdq", PDQ[3], 80, List.of("video",
                "graphic-violence-against-defenceless-people"), null));

        Http.post(hashmatchUrl("/api/v1/hashes/" + h.get(3) + "/retraction"), c1Token, null).expect(200);
        seeded.hash(h.get(3)).status = "retracted";
        seeded.hashesRetractedInPeriod++;

        feedback(c2Token, h.get(0), "agree", null);
        feedback(g1Token, h.get(1), "agree", null);
        String keep = feedback(g1Token, h.get(2), "disagree", "wrong-label");
        assertEquals(keep, feedback(c2Token, h.get(2), "disagree", "other"), "a second disagreement joins the open dispute");
        String relabel = feedback(c1Token, h.get(6), "disagree", "not-in-taxonomy");
        String retract = feedback(g1Token, h.get(8), "disagree", "not-terrorist-content");
        feedback(i1Token, h.get(9), "disagree", "wrong-label");
        seeded.hash(h.get(9)).status = "disputed";

        resolve(keep, "keep", null);
        resolve(relabel, "relabel", List.of("instruction", "text"));
        seeded.hash(h.get(6)).labels = List.of("instruction", "text");
        resolve(retract, "retract", null);
        seeded.hash(h.get(8)).status = "retracted";
        seeded.hashesRetractedInPeriod++;
        seeded.disputes.add("keep");
        seeded.disputes.add("relabel");
        seeded.disputes.add("retract");
        seeded.disputes.add(null);
    }

    /**
     * A matcher's queries: near-duplicates of two PDQ hashes (one disputed, which still matches), the
     * md5 two contributors share, a retracted md5 and a retracted sha256 (no match), a sha256 that
     * matches, and an unrelated PDQ. PDQ hashes become matchable when the index catches up (within
     * a second), so the batch is repeated until they match; every query asked counts.
     */
    private static void serveMatches() {
        List<Map<String, Object>> queries = List.of(query("pdq", flip(PDQ[0], 3)), query("pdq", flip(PDQ[3], 5)),
                query("md5", MD5_SHARED), query("md5", MD5_RETRACTED), query("sha256", SHA256_DISPUTED),
                query("sha256", SHA256_MATCHED), query("pdq", hex(32)));
        List<Integer> expectedHits = List.of(1, 1, 2, 0, 0, 1, 0);
        await("PDQ hashes matchable").atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode results = Http.post(hashmatchUrl("/api/v1/match"), c2Token, Map.of("queries", queries)).expect(200).json()
                    .get("results");
            List<Integer> hits = new ArrayList<>();
            for (JsonNode r : results) {
                hits.add(r.get("matches").size());
                seeded.matchQueries++;
                seeded.matchesByType.merge(r.get("type").asText(), (long) r.get("matches").size(), Long::sum);
            }
            return hits.equals(expectedHits);
        });
    }

    // --- supporter-service ---------------------------------------------------------------------

    private static String admitted(String name, String type, String country, LocalDate joinedOn) {
        JsonNode s = Http.post(supporterUrl("/api/v1/supporters"), secretariat, body("name", name, "type", type, "country",
                country)).expect(201).json();
        String id = s.get("id").asText();
        JsonNode admitted = Http.post(supporterUrl("/api/v1/supporters/" + id + "/admit"), secretariat,
                body("version", s.get("version"), "joinedOn", joinedOn == null ? null : joinedOn.toString())).expect(200).json();
        LocalDate joined = LocalDate.parse(admitted.get("joinedOn").asText());
        if (joinedOn != null) {
            assertEquals(joinedOn, joined);
        }
        seeded.members.add(new Seeded.Member(name, type, joined, null));
        return id;
    }

    private static void replaceLeftAt(String name, Instant leftAt) {
        Seeded.Member m = seeded.members.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        seeded.members.set(seeded.members.indexOf(m), new Seeded.Member(name, m.type(), m.joinedOn(), leftAt));
    }

    private static long version(String supporterId) {
        return Http.get(supporterUrl("/api/v1/supporters/" + supporterId), secretariat).expect(200).json().get("version")
                .asLong();
    }

    /** A client created by the secretariat (roles comma-separated), and a token it obtained itself. */
    private static String clientToken(String supporterId, String name, String roles) {
        List<String> r = roles.isEmpty() ? List.of() : List.of(roles.split(","));
        JsonNode c = Http.post(supporterUrl("/api/v1/clients"), secretariat, body("name", name, "supporterId", supporterId,
                "roles", r)).expect(201).json();
        return Http.token(platform.supporter.url(), c.get("clientId").asText(), c.get("clientSecret").asText());
    }

    /** The secretariat grants a supporter roles or participation in protocols ({@code kind}: roles, protocols). */
    private static void grant(String supporterId, String kind, String... codes) {
        for (String code : codes) {
            Http.send("PUT", supporterUrl("/api/v1/supporters/" + supporterId + "/entitlements/" + kind + "/" + code),
                    secretariat, null).expect(201);
        }
    }

    private static void webhook(String supporterId, String participant, String... protocols) {
        Http.post(supporterUrl("/api/v1/supporters/" + supporterId + "/webhooks"), secretariat, body("url",
                hooks.url(participant), "protocols", List.of(protocols), "active", true)).expect(201);
    }

    /** Submits commitment/status pairs; returns them for {@link #record}. */
    private static List<String[]> submit(String stocktake, String token, String supporterId, String... pairs) {
        List<Map<String, Object>> entries = new ArrayList<>();
        List<String[]> submitted = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(body("commitmentId", pairs[i], "status", pairs[i + 1]));
            submitted.add(new String[] { pairs[i], pairs[i + 1] });
        }
        Http.post(supporterUrl("/api/v1/stocktakes/" + stocktake + "/reports"), token, body("supporterId", supporterId,
                "entries", entries)).expect(200);
        return submitted;
    }

    private static void record(String supporterType, List<String[]> entries) {
        entries.forEach(e -> seeded.stocktake.add(new Seeded.StocktakeEntry(supporterType, e[0], e[1])));
    }

    // --- protocol-service ----------------------------------------------------------------------

    private static String reportIncident(String token, String title, List<String> protocols, boolean exercise) {
        return Http.post(protocolUrl("/api/v1/incidents"), token, body("title", title, "description",
                "Seeded by LiveSourcesIT", "occurredAt", Instant.now().minusSeconds(600).toString(), "location",
                "Exampletown", "contentTypes", List.of("livestream"), "protocols", protocols, "exercise", exercise))
                .expect(201).json().get("id").asText();
    }

    private static JsonNode incident(String id) {
        return Http.get(protocolUrl("/api/v1/incidents/" + id), secretariat).expect(200).json();
    }

    private static void transition(String token, String id, String status, String rationale) {
        Http.post(protocolUrl("/api/v1/incidents/" + id + "/transitions"), token, body("to", status, "version",
                incident(id).get("version"), "rationale", rationale)).expect(200);
    }

    /** {@code term} is a level, or an activation type under a version that has types (gifct-cip 2025). */
    private static JsonNode activate(String token, String id, String protocol, String term, String expectedStatus) {
        JsonNode a = Http.post(protocolUrl("/api/v1/incidents/" + id + "/activations"), token, body("protocol", protocol,
                protocol.equals("gifct-cip") ? "type" : "level", term, "criteria", body("ongoingEvent", true, "perpetratorProducedContent", true,
                        "murderOrAttemptedMurder", true, "onOrSpreadingToMemberPlatforms", true),
                "decision", "criteria met")).expect(201).json();
        assertEquals(expectedStatus, a.get("status").asText());
        return a;
    }

    private static JsonNode activationOf(String incident, String protocol) {
        for (JsonNode a : incident(incident).get("activations")) {
            if (a.get("protocol").asText().equals(protocol)) {
                return a;
            }
        }
        throw new AssertionError("no " + protocol + " activation on " + incident);
    }

    private static void acknowledge(String token, String id) {
        Http.post(protocolUrl("/api/v1/incidents/" + id + "/acknowledgements"), token, body("note", "received"))
                .expect(201);
    }

    private static JsonNode participants(String id) {
        return Http.get(protocolUrl("/api/v1/incidents/" + id + "/participants"), secretariat).expect(200).json()
                .get("items");
    }

    /** Until each of the {@code n} participants has had every notification delivered. */
    private static void awaitDelivered(String id, int n) {
        await("notifications of " + id + " delivered").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode ps = participants(id);
            if (ps.size() != n) {
                return false;
            }
            for (JsonNode p : ps) {
                if (p.get("firstDeliveredAt").isNull() || p.get("pending").asLong() != 0
                        || p.get("deadLettered").asLong() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** An incident as protocol-service states it: status, timestamps, activations in effect, participants. */
    private static Seeded.Incident asSeeded(String id) {
        JsonNode i = incident(id);
        List<List<String>> inEffect = new ArrayList<>();
        i.get("activations").forEach(a -> {
            if (a.get("status").asText().equals("in-effect")) {
                inEffect.add(List.of(a.get("protocol").asText(),
                        (a.hasNonNull("level") ? a.get("level") : a.get("type")).asText()));
            }
        });
        List<Instant> deliveries = new ArrayList<>();
        List<Instant> acks = new ArrayList<>();
        participants(id).forEach(p -> {
            instant(p.get("firstDeliveredAt")).ifPresent(deliveries::add);
            instant(p.get("acknowledgedAt")).ifPresent(acks::add);
        });
        return new Seeded.Incident(i.get("status").asText(), instant(i.get("reportedAt")).orElseThrow(),
                instant(i.get("activatedAt")).orElse(null), instant(i.get("concludedAt")).orElse(null), deliveries, acks,
                inEffect);
    }

    private static java.util.Optional<Instant> instant(JsonNode n) {
        return n == null || n.isNull() ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse(n.asText()));
    }

    // --- hashmatch-service ---------------------------------------------------------------------

    private static String shareHash(String token, String contributorType, String type, String value, Integer quality,
            List<String> labels, String incidentId) {
        String id = Http.post(hashmatchUrl("/api/v1/hashes"), token, body("type", type, "value", value, "quality", quality,
                "labels", labels, "incidentId", incidentId, "confidence", 90)).expect(201).json().get("id").asText();
        seeded.hashes.add(new Seeded.Hash(id, contributorType, type, labels));
        return id;
    }

    /** Feedback on a hash; returns the dispute a disagreement opened or joined. */
    private static String feedback(String token, String hashId, String verdict, String reason) {
        JsonNode f = Http.post(hashmatchUrl("/api/v1/hashes/" + hashId + "/feedback"), token, body("verdict", verdict,
                "reason", reason)).expect(201).json();
        if (verdict.equals("agree")) {
            seeded.feedbackAgree++;
            return null;
        }
        seeded.feedbackDisagree++;
        return f.get("disputeId").asText();
    }

    private static void resolve(String disputeId, String outcome, List<String> labels) {
        JsonNode d = Http.get(hashmatchUrl("/api/v1/disputes/" + disputeId), secretariat).expect(200).json();
        Http.post(hashmatchUrl("/api/v1/disputes/" + disputeId + "/resolution"), secretariat, body("outcome", outcome,
                "labels", labels, "comment", "reviewed by the secretariat", "version", d.get("version"))).expect(200);
    }

    private static Map<String, Object> query(String type, String value) {
        return body("type", type, "value", value);
    }

    /** Random hex digits, {@code bytes} bytes' worth, from a fixed seed. */
    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The PDQ hash with its first {@code bits} bits flipped: that Hamming distance away. */
    private static String flip(String hex, int bits) {
        byte[] b = HexFormat.of().parseHex(hex);
        for (int i = 0; i < bits; i++) {
            b[i / 8] ^= (byte) (0x80 >>> (i % 8));
        }
        return HexFormat.of().formatHex(b);
    }

    // --- report-service ------------------------------------------------------------------------

    private static JsonNode createDraft() {
        return Http.post(reportUrl("/api/v1/report-drafts"), secretariat, Map.of("period", period)).expect(201).json();
    }

    private static Reply publish(JsonNode draft, String overrideReason) {
        Map<String, Object> body = body("version", draft.get("version"), "override",
                overrideReason == null ? null : Map.of("reason", overrideReason));
        return Http.post(reportUrl("/api/v1/report-drafts/" + id(draft) + "/publish"), secretariat, body);
    }

    /** Every figure present with exactly the expected rows, except {@code missing}: named missing, no rows. */
    private static void assertFigures(Map<String, List<Map<String, Object>>> expected, JsonNode content,
            Set<String> missing) {
        List<String> ids = new ArrayList<>();
        content.get("tables").forEach(t -> ids.add(t.get("id").asText()));
        assertEquals(new ArrayList<>(expected.keySet()).stream().sorted().toList(), ids.stream().sorted().toList());
        for (JsonNode t : content.get("tables")) {
            String figure = t.get("id").asText();
            if (missing.contains(figure)) {
                assertTrue(t.get("rows").isNull(), figure + " has no rows, not zeros: " + t.get("rows"));
                assertFalse(t.get("missingReason").asText().isBlank(), figure + " says why it is missing");
                continue;
            }
            assertTrue(t.get("rows").isArray(), figure + " is missing: " + t.get("missingReason"));
            List<Map<String, Object>> actual = new ArrayList<>();
            t.get("rows").forEach(r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                r.fields().forEachRemaining(e -> row.put(e.getKey(), normalise(e.getValue())));
                actual.add(row);
            });
            List<Map<String, Object>> want = expected.get(figure).stream().map(r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                r.forEach((k, v) -> row.put(k, normalise(v)));
                return row;
            }).toList();
            assertEquals(want, actual, figure);
        }
    }

    /** Numbers compare by value (1 and 1.000 alike), so that integers and decimals need no care. */
    private static Object normalise(Object v) {
        if (v instanceof JsonNode n) {
            if (n.isNull()) {
                return null;
            }
            return n.isNumber() ? n.decimalValue().stripTrailingZeros() : n.asText();
        }
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l).stripTrailingZeros();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return v;
    }

    private static JsonNode table(JsonNode content, String id) {
        for (JsonNode t : content.get("tables")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no table " + id);
    }

    private static long count(List<Map<String, Object>> rows, String dimension, String value, String measure) {
        return rows.stream().filter(r -> value.equals(r.get(dimension))).mapToLong(r -> (Long) r.get(measure)).findFirst()
                .orElse(0);
    }

    // --- small helpers -------------------------------------------------------------------------

    /** A JSON object of key/value pairs, leaving out null values. */
    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return m;
    }

    /** Leaves a draft beside the services' logs in target/live-sources-it, for whoever reads a failure. */
    private static void keep(String name, JsonNode draft) {
        try {
            Files.writeString(work.resolve(name), Reports.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(draft));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String id(JsonNode draft) {
        return draft.get("id").asText();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String supporterUrl(String path) {
        return platform.supporter.url() + path;
    }

    private static String hashmatchUrl(String path) {
        return platform.hashmatch.url() + path;
    }

    private static String protocolUrl(String path) {
        return platform.protocol.url() + path;
    }

    private static String reportUrl(String path) {
        return platform.report.url() + path;
    }
}
