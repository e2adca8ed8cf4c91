package org.christchurchcall.hashmatch.hash;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.drain;
import static org.christchurchcall.hashmatch.support.Api.exact;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.christchurchcall.hashmatch.support.Videos.frames;
import static org.christchurchcall.hashmatch.support.Videos.text;
import static org.christchurchcall.hashmatch.support.Videos.vpdq;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What is generic by record key works for videos too: the change feed (with a link a follower
 * reads the frames from), retraction, feedback and disputes, and the counts reports read.
 */
@QuarkusTest
class VideoRecordLifecycleTest {

    static final String[] LABELS = { "graphic-violence-against-defenceless-people", "video" };

    final Member company = Member.company();

    static long n(JsonPath p, String path) {
        Object v = p.get(path);
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Test
    void theFeedCarriesVideosWithALinkToTheirFramesAndTheirRetraction() {
        String start = drain(TestTokens.secretariat(), null, 1000, new ArrayList<>());
        String video = share(company.contributor(), vpdq(frames("chair-22-with-large-logo-bar"), LABELS));
        String md5 = share(company.contributor(), exact("video-md5", hex(32), "video"));
        as(company.contributor()).post("/api/v1/hashes/" + video + "/retraction").then().statusCode(200);

        String matcher = Member.government().matcher();
        List<Map<String, Object>> entries = new ArrayList<>();
        drain(matcher, start, 2, entries);
        assertEquals(List.of("added", "added", "retracted"), entries.stream().map(e -> e.get("change")).toList());
        Map<String, Object> added = entries.get(0);
        assertEquals(video, added.get("id"));
        assertEquals("vpdq", added.get("type"));
        assertEquals(673, added.get("frameCount"));
        assertEquals("/api/v1/hashes/" + video + "/frames", added.get("frames"));
        assertEquals("video-md5", entries.get(1).get("type"));
        assertNull(entries.get(1).get("frames"));
        assertNull(entries.get(1).get("frameCount"));
        assertEquals(md5, entries.get(1).get("id"));

        // a partner following the feed reads the frames from the link, a page at a time, in full
        List<Map<String, Object>> frames = new ArrayList<>();
        String cursor = null;
        do {
            var r = as(matcher).queryParam("limit", 250);
            if (cursor != null) {
                r.queryParam("cursor", cursor);
            }
            JsonPath page = r.get((String) added.get("frames")).then().statusCode(200).extract().jsonPath();
            frames.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> f : frames) {
            lines.append(f.get("frameNumber")).append(',').append(f.get("quality")).append(',').append(f.get("hash"))
                    .append(',').append(org.christchurchcall.hashmatch.video.VpdqFrame.formatTimestamp(
                            ((Number) f.get("timestamp")).doubleValue()))
                    .append('\n');
        }
        assertEquals(text("chair-22-with-large-logo-bar"), lines.toString());
    }

    @Test
    void feedbackAndDisputesWorkOnVideosAndTheirMatchesSayTheyAreDisputed() {
        String video = share(company.contributor(), vpdq(frames("pattern-sd-with-small-logo-bar"), LABELS));
        Member critic = Member.government();
        json(critic.matcher(), Map.of("verdict", "agree")).post("/api/v1/hashes/" + video + "/feedback").then()
                .statusCode(201).body("hashId", equalTo(video));
        String dispute = json(Member.company().matcher(), Map.of("verdict", "disagree", "reason", "wrong-label"))
                .post("/api/v1/hashes/" + video + "/feedback").then().statusCode(201).body("disputeId", notNullValue())
                .extract().path("disputeId");
        as(critic.matcher()).get("/api/v1/hashes/" + video).then().body("status", equalTo("disputed"));
        Map<String, Object> query = Map.of("queries", List.of(Map.of("type", "vpdq", "frames",
                frames("pattern-sd-with-small-logo-bar"))));
        String find = "results[0].videos.find { it.id == '" + video + "' }";
        json(critic.matcher(), query).post("/api/v1/match").then().statusCode(200)
                .body(find + ".status", equalTo("disputed"), find + ".queryPercent", equalTo(100.0f));

        json(TestTokens.secretariat(), Map.of("outcome", "retract", "version", 0))
                .post("/api/v1/disputes/" + dispute + "/resolution").then().statusCode(200);
        as(critic.matcher()).get("/api/v1/hashes/" + video).then().body("status", equalTo("retracted"));
        json(critic.matcher(), query).post("/api/v1/match").then().statusCode(200)
                .body("results[0].videos.id", not(hasItem(video)));
    }

    @Test
    void incidentCountsAndReportAggregatesCountVideosByType() {
        String auditor = TestTokens.withRoles(Roles.AUDITOR);
        String from = Instant.now().minusSeconds(1).toString();
        JsonPath before = as(auditor).queryParam("from", from).get("/api/v1/hashes/aggregates").then().statusCode(200)
                .extract().jsonPath();

        UUID incident = UUID.randomUUID();
        Map<String, Object> v = new HashMap<>(vpdq(frames("chair-orig-22-hd-no-bar"), LABELS));
        v.put("incidentId", incident.toString());
        share(company.contributor(), v);
        Map<String, Object> m = new HashMap<>(exact("video-md5", hex(32), "video"));
        m.put("incidentId", incident.toString());
        String md5 = share(company.contributor(), m);
        as(company.contributor()).post("/api/v1/hashes/" + md5 + "/retraction").then().statusCode(200);

        as(TestTokens.withRoles(Roles.SERVICE)).queryParam("incidentId", incident).get("/api/v1/hashes/counts").then()
                .statusCode(200).body("total", equalTo(2), "active", equalTo(1), "retracted", equalTo(1),
                        "byType.vpdq", equalTo(1), "byType.'video-md5'", equalTo(1), "byType.pdq", equalTo(0));

        JsonPath after = as(auditor).queryParam("from", from).get("/api/v1/hashes/aggregates").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(n(before, "records.byType.vpdq") + 1, n(after, "records.byType.vpdq"));
        assertEquals(n(before, "records.byType.'video-md5'") + 1, n(after, "records.byType.'video-md5'"));
        assertEquals(n(before, "period.addedByType.vpdq") + 1, n(after, "period.addedByType.vpdq"));
        assertEquals(n(before, "period.retracted") + 1, n(after, "period.retracted"));
        assertTrue(n(after, "records.total") >= n(after, "records.byType.vpdq") + n(after, "records.byType.'video-md5'"));
    }
}
