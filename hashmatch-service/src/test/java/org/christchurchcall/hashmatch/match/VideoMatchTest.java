package org.christchurchcall.hashmatch.match;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.exact;
import static org.christchurchcall.hashmatch.support.Api.flip;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.pdq;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.christchurchcall.hashmatch.support.Videos.frames;
import static org.christchurchcall.hashmatch.support.Videos.synthetic;
import static org.christchurchcall.hashmatch.support.Videos.text;
import static org.christchurchcall.hashmatch.support.Videos.vpdq;
import static org.christchurchcall.hashmatch.support.Videos.vpdqText;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.hashmatch.support.Videos;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Matching videos with the reference's sample hash files: the expected percentages are HMA's, as
 * shared/data/vpdq/match-pairs.csv lists them (columns hma_*).
 */
@QuarkusTest
class VideoMatchTest {

    static final String[] LABELS = { "graphic-violence-against-defenceless-people", "video" };

    @Inject
    Db db;

    final Member a = Member.company();
    final Member b = Member.government();

    static Map<String, Object> video(List<Map<String, Object>> frames) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("type", "vpdq");
        q.put("frames", frames);
        return q;
    }

    static Map<String, Object> request(Object... queries) {
        return Map.of("queries", List.of(queries));
    }

    static String find(String id) {
        return "results[0].videos.find { it.id == '" + id + "' }";
    }

    @Test
    void anotherCutOfAVideoMatchesItAsHmaScoresItAndADifferentVideoDoesNot() {
        String chair19 = share(a.contributor(), vpdq(frames("chair-19-sd-bar"), LABELS));
        String pattern = share(a.contributor(), vpdqText(text("pattern-sd-grey-bar"), LABELS));

        // chair-20 against chair-19: HMA 92.76 % of the query's frames, 100 % of the stored video's
        JsonPath answer = json(b.matcher(), request(video(frames("chair-20-sd-bar")))).post("/api/v1/match").then()
                .statusCode(200)
                .body("threshold", equalTo(31), "minQueryPercent", equalTo(80.0f), "minCandidatePercent", equalTo(0.0f),
                        "results[0].type", equalTo("vpdq"), "results[0].frameCount", equalTo(614),
                        find(chair19) + ".queryPercent", equalTo(92.76f),
                        find(chair19) + ".candidatePercent", equalTo(100.0f),
                        find(chair19) + ".distance", notNullValue(),
                        find(chair19) + ".frameCount", equalTo(564),
                        find(chair19) + ".labels", equalTo(List.of(LABELS)),
                        find(chair19) + ".status", equalTo("active"),
                        find(chair19) + ".contributorId", nullValue(),
                        find(chair19) + ".queryRanges[0].start", notNullValue(),
                        find(chair19) + ".candidateRanges[0].end", notNullValue(),
                        "results[0].videos.id", not(hasItem(pattern)))
                .extract().jsonPath();
        // the candidate's matched frames span the whole of chair-19 (all of them matched)
        List<Map<String, Object>> ranges = answer.getList(find(chair19) + ".candidateRanges");
        assertEquals(0.0f, ((Number) ranges.get(0).get("start")).floatValue());
        assertEquals(18.767f, ((Number) ranges.get(ranges.size() - 1).get("end")).floatValue());

        // the same query as the hash file's text, and the percentages each way
        json(b.matcher(), request(Map.of("type", "vpdq", "value", text("chair-20-sd-bar")))).post("/api/v1/match").then()
                .statusCode(200).body(find(chair19) + ".queryPercent", equalTo(92.76f));
        // pattern-sd-with-small-logo against pattern-sd-grey: HMA 99.51 / 99.50; chair-20 stays out
        json(b.matcher(), request(video(frames("pattern-sd-with-small-logo-bar")))).post("/api/v1/match").then()
                .statusCode(200).body(find(pattern) + ".queryPercent", equalTo(99.51f),
                        find(pattern) + ".candidatePercent", equalTo(99.5f),
                        "results[0].videos.id", not(hasItem(chair19)));

        // stricter thresholds leave it out: 92.76 % is below 95 %
        json(b.matcher(), Map.of("queries", List.of(video(frames("chair-20-sd-bar"))), "minQueryPercent", 95))
                .post("/api/v1/match").then().statusCode(200)
                .body("minQueryPercent", equalTo(95.0f), "results[0].videos.id", not(hasItem(chair19)));
        // from the other side: chair-19 is 100 % in chair-20, and 92.76 % of chair-20 is matched
        String chair20 = share(a.contributor(), vpdq(frames("chair-20-sd-bar"), LABELS));
        json(b.matcher(), Map.of("queries", List.of(video(frames("chair-19-sd-bar"))), "minCandidatePercent", 90))
                .post("/api/v1/match").then().statusCode(200)
                .body(find(chair20) + ".queryPercent", equalTo(100.0f), find(chair20) + ".candidatePercent",
                        equalTo(92.76f));
        json(b.matcher(), Map.of("queries", List.of(video(frames("chair-19-sd-bar"))), "minCandidatePercent", 93))
                .post("/api/v1/match").then().statusCode(200).body("results[0].videos.id", not(hasItem(chair20)));
    }

    @Test
    void aRetractedVideoStopsMatchingAtOnce() {
        String id = share(a.contributor(), vpdq(frames("pattern-hd-no-bar"), LABELS));
        Map<String, Object> query = request(video(frames("pattern-longer-no-bar")));
        json(b.matcher(), query).post("/api/v1/match").then().statusCode(200)
                .body(find(id) + ".queryPercent", equalTo(87.93f));
        as(a.contributor()).post("/api/v1/hashes/" + id + "/retraction").then().statusCode(200);
        json(b.matcher(), query).post("/api/v1/match").then().statusCode(200)
                .body("results[0].videos.id", not(hasItem(id)));
        // and an image query with one of its frames no longer finds it either
        String frame = Videos.parsed("pattern-hd-no-bar").get(0).hash().toHex();
        json(b.matcher(), request(Map.of("type", "pdq", "value", frame))).post("/api/v1/match").then().statusCode(200)
                .body("results[0].videos.id", not(hasItem(id)));
    }

    @Test
    void anImageQueryFindsTheVideosWithANearFrameAndWhen() {
        List<VpdqFrame> frames = Videos.parsed("doorknob-hd-no-bar");
        String id = share(a.contributor(), vpdq(Videos.json(frames), LABELS));
        VpdqFrame still = frames.stream().filter(f -> f.quality() >= 60 && f.frameNumber() >= 100).findFirst()
                .orElseThrow();
        // the index keeps the first frame of each hash: that is the one reported (a frame at distance 0 is the same hash)
        VpdqFrame first = frames.stream().filter(f -> f.hash().equals(still.hash())).findFirst().orElseThrow();
        assertTrue(first.quality() >= 50);
        String image = share(a.contributor(), pdq(still.hash().toHex(), 90, "image"));

        json(b.matcher(), request(Map.of("type", "pdq", "value", still.hash().toHex()))).post("/api/v1/match")
                .then().statusCode(200)
                .body("results[0].matches.id", hasItem(image),
                        find(id) + ".distance", equalTo(0),
                        find(id) + ".timestamp", equalTo((float) first.timestamp()),
                        find(id) + ".type", equalTo("vpdq"),
                        find(id) + ".queryPercent", nullValue(),
                        find(id) + ".contributorId", nullValue(),
                        // image hits are images only, never a video's frames
                        "results[0].matches.type", not(hasItem("vpdq")));
    }

    @Test
    void aVideoQueryAlsoFindsTheImagesNearItsFramesWithTheirTimestamps() {
        List<VpdqFrame> frames = Videos.parsed("chair-22-sd-sepia-bar");
        VpdqFrame f = frames.get(400);
        assertTrue(f.quality() >= 50);
        String image = share(a.contributor(), pdq(flip(f.hash().toHex(), 3), 80, "image"));
        JsonPath answer = json(b.matcher(), request(video(Videos.json(frames)))).post("/api/v1/match").then()
                .statusCode(200).body("results[0].matches.id", hasItem(image)).extract().jsonPath();
        Map<String, Object> hit = answer.getMap("results[0].matches.find { it.id == '" + image + "' }");
        assertTrue(((Number) hit.get("distance")).intValue() <= 3);
        List<Number> ts = (List<Number>) hit.get("timestamps");
        assertTrue(ts.stream().anyMatch(t -> t.floatValue() == (float) f.timestamp()), ts + " has " + f.timestamp());
    }

    @Test
    void videoMd5MatchesExactlyAndOnlyAsVideoMd5() {
        String value = hex(32);
        String id = share(a.contributor(), exact("video-md5", value, "video"));
        json(b.matcher(), request(Map.of("type", "video-md5", "value", value.toUpperCase()),
                Map.of("type", "md5", "value", value))).post("/api/v1/match").then().statusCode(200)
                .body("results[0].type", equalTo("video-md5"), "results[0].matches.id", contains(id),
                        "results[0].matches[0].distance", equalTo(0), "results[0].videos", nullValue(),
                        "results[1].matches", empty(), "minQueryPercent", nullValue());
    }

    @Test
    void matchesOfVideosAreTalliedByType() {
        share(a.contributor(), vpdq(frames("chair-orig-22-sd-bar"), LABELS));
        long queries = db.scalar("select coalesce(sum(queries), 0) from match_tally where type = 'vpdq'");
        long matches = db.scalar("select coalesce(sum(matches), 0) from match_tally where type = 'vpdq'");
        json(b.matcher(), request(video(frames("chair-22-sd-grey-bar")), video(frames("chair-22-sd-grey-bar"))))
                .post("/api/v1/match").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> db.scalar(
                "select coalesce(sum(queries), 0) from match_tally where type = 'vpdq'") >= queries + 2);
        assertTrue(db.scalar("select coalesce(sum(matches), 0) from match_tally where type = 'vpdq'") >= matches + 2);
    }

    @Test
    void videoQueriesAskAMatcherToken() {
        Map<String, Object> query = request(video(synthetic(3, 1.0)));
        problem(given().contentType(ContentType.JSON).body(query).post("/api/v1/match").then(), 401);
        problem(json(a.contributor(), query).post("/api/v1/match").then(), 403);
        problem(json(TestTokens.withRoles(Roles.AUDITOR), query).post("/api/v1/match").then(), 403);
        json(TestTokens.withRoles(Roles.SERVICE), query).post("/api/v1/match").then().statusCode(200)
                .body("results[0].videos", empty());
    }

    @Test
    void badVideoQueriesAreProblemsAndChangeNothing() {
        List<Map<String, Object>> ten = synthetic(10, 1.0);
        List<Map<String, Object>> swapped = new ArrayList<>(ten);
        swapped.set(3, ten.get(4));
        swapped.set(4, ten.get(3));
        String footprint = db.footprint();
        problem(json(b.matcher(), request(video(swapped))).post("/api/v1/match").then(), 400)
                .body("errors[0].field", equalTo("queries[0].frames[4].frameNumber"));
        problem(json(b.matcher(), request(Map.of("type", "vpdq"))).post("/api/v1/match").then(), 400)
                .body("errors[0].field", equalTo("queries[0].frames"));
        problem(json(b.matcher(), request(Map.of("type", "vpdq", "value", "0,100,abc,0.000"))).post("/api/v1/match")
                .then(), 400).body("errors[0].field", equalTo("queries[0].value"));
        problem(json(b.matcher(), request(Map.of("type", "pdq", "value", hex(64), "frames", ten))).post("/api/v1/match")
                .then(), 400).body("errors[0].field", equalTo("queries[0].frames"));
        for (Object bad : List.of(-1, 100.5, "x")) {
            problem(json(b.matcher(), Map.of("queries", List.of(video(ten)), "minQueryPercent", bad))
                    .post("/api/v1/match").then(), 400);
        }
        problem(json(b.matcher(), Map.of("queries", List.of(video(ten)), "minCandidatePercent", 101))
                .post("/api/v1/match").then(), 400).body("errors[0].field", equalTo("minCandidatePercent"));
        problem(json(b.matcher(), Map.of("queries", List.of(video(ten)), "threshold", 32)).post("/api/v1/match").then(),
                400).body("errors[0].field", equalTo("threshold"));
        assertEquals(footprint, db.footprint());
        assertFalse(footprint.isEmpty());
    }
}
