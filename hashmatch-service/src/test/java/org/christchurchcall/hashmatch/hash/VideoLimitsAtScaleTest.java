package org.christchurchcall.hashmatch.hash;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Videos.frame;
import static org.christchurchcall.hashmatch.support.Videos.synthetic;
import static org.christchurchcall.hashmatch.support.Videos.vpdq;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.config.VideoLimitsConfig;
import org.christchurchcall.hashmatch.support.Api;
import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.hashmatch.video.VideoFrameIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every video limit at its full size, with the smallest refused size beside it, against a table
 * that already holds thousands of records (5,000 images and 1,000 videos of 20 frames, all in the
 * index): frames per record (7,200), the last timestamp (4 h), frames per request in a bulk
 * submission and in a match request (72,000), and the frames page (7,200).
 */
@QuarkusTest
class VideoLimitsAtScaleTest {

    static final int MAX_FRAMES = 7_200;
    static final int MAX_REQUEST_FRAMES = 72_000;
    static final double MAX_SECONDS = 4 * 3600;

    @Inject
    Db db;

    @Inject
    VideoLimitsConfig limits;

    final Member company = Member.company();
    final String matcher = Member.government().matcher();

    @BeforeEach
    void aTableOfThousands() {
        db.seedRecords(5_000);
        if (db.scalar("select count(*) from hash_record where type = 'vpdq'") < 1_000) {
            db.seedVideos(1_000, 20);
        }
        assertTrue(db.count("hash_record") >= 6_000);
    }

    @Test
    void theLimitsAreTheDocumentedOnesAndFitTheIndex() {
        assertEquals(MAX_FRAMES, limits.maxFrames());
        assertEquals(MAX_REQUEST_FRAMES, limits.maxRequestFrames());
        assertEquals(MAX_SECONDS, limits.maxDuration().toSeconds());
        assertTrue(limits.maxFrames() < VideoFrameIds.MAX_FRAMES);
    }

    @Test
    void aVideoOf7200FramesIsStoredReadInOnePageAndMatchedAnd7201AreRefused() {
        List<Map<String, Object>> full = synthetic(MAX_FRAMES, 1.0);
        String id = json(company.contributor(), vpdq(full, "video")).post("/api/v1/hashes").then().statusCode(201)
                .body("frameCount", equalTo(MAX_FRAMES), "duration", equalTo(7199.0f)).extract().path("id");

        as(matcher).queryParam("limit", MAX_FRAMES).get("/api/v1/hashes/" + id + "/frames").then().statusCode(200)
                .body("items", hasSize(MAX_FRAMES), "nextCursor", nullValue(), "items[7199].frameNumber", equalTo(7199));
        problem(as(matcher).queryParam("limit", MAX_FRAMES + 1).get("/api/v1/hashes/" + id + "/frames").then(), 400)
                .body("errors[0].field", equalTo("limit"));

        // the same 7,200 frames as a query find it, entirely
        String find = "results[0].videos.find { it.id == '" + id + "' }";
        json(matcher, Map.of("queries", List.of(query(full)))).post("/api/v1/match").then().statusCode(200)
                .body(find + ".queryPercent", equalTo(100.0f), find + ".candidatePercent", equalTo(100.0f));

        List<Map<String, Object>> over = synthetic(MAX_FRAMES + 1, 1.0);
        String footprint = db.footprint();
        problem(json(company.contributor(), vpdq(over, "video")).post("/api/v1/hashes").then(), 400)
                .body("errors[0].field", equalTo("frames"));
        problem(json(matcher, Map.of("queries", List.of(query(over)))).post("/api/v1/match").then(), 400)
                .body("errors[0].field", equalTo("queries[0].frames"));
        assertEquals(footprint, db.footprint());
    }

    @Test
    void aVideoEndingAtFourHoursIsStoredAndOneEndingAMillisecondLaterIsRefused() {
        json(company.contributor(), vpdq(List.of(frame(0, 100, Api.hex(64), 0), frame(1, 100, Api.hex(64), MAX_SECONDS)),
                "video")).post("/api/v1/hashes").then().statusCode(201).body("duration", equalTo(14400.0f));
        String footprint = db.footprint();
        problem(json(company.contributor(), vpdq(List.of(frame(0, 100, Api.hex(64), 0),
                frame(1, 100, Api.hex(64), MAX_SECONDS + 0.001)), "video")).post("/api/v1/hashes").then(), 400)
                .body("errors[0].field", equalTo("frames[1].timestamp"));
        assertEquals(footprint, db.footprint());
    }

    @Test
    void aBulkOf72000FramesIsStoredAndOneFrameMoreRefusesTheWholeRequest() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < MAX_REQUEST_FRAMES / MAX_FRAMES; i++) {
            items.add(vpdq(synthetic(MAX_FRAMES, 1.0), "video"));
        }
        long records = db.count("hash_record");
        long frames = db.count("video_frames");
        json(company.contributor(), Map.of("items", items)).post("/api/v1/hashes/bulk").then().statusCode(200)
                .body("created", equalTo(10), "rejected", equalTo(0));
        assertEquals(records + 10, db.count("hash_record"));
        assertEquals(frames + 10, db.count("video_frames"));
        assertEquals((long) MAX_REQUEST_FRAMES * 41, db.scalar("select sum(length(frames)) from video_frames f "
                + "join hash_record r on r.seq_id = f.hash_id where r.contributor_id = ?", company.supporterId()));

        List<Map<String, Object>> more = new ArrayList<>(items);
        more.add(vpdq(synthetic(1, 1.0), "video"));
        String footprint = db.footprint();
        problem(json(company.contributor(), Map.of("items", more)).post("/api/v1/hashes/bulk").then(), 400)
                .body("errors[0].field", equalTo("items"));
        assertEquals(footprint, db.footprint());
    }

    @Test
    void aMatchRequestOf72000FramesIsAnsweredAndOneFrameMoreIsRefused() {
        List<Map<String, Object>> queries = new ArrayList<>();
        for (int i = 0; i < MAX_REQUEST_FRAMES / MAX_FRAMES; i++) {
            queries.add(query(synthetic(MAX_FRAMES, 1.0)));
        }
        json(matcher, Map.of("queries", queries)).post("/api/v1/match").then().statusCode(200)
                .body("results", hasSize(10), "results[9].frameCount", equalTo(MAX_FRAMES));
        List<Map<String, Object>> more = new ArrayList<>(queries);
        more.add(query(synthetic(1, 1.0)));
        problem(json(matcher, Map.of("queries", more)).post("/api/v1/match").then(), 400)
                .body("errors[0].field", equalTo("queries"));
    }

    static Map<String, Object> query(List<Map<String, Object>> frames) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("type", "vpdq");
        q.put("frames", frames);
        return q;
    }
}
