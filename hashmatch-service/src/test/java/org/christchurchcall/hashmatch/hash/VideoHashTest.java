package org.christchurchcall.hashmatch.hash;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.exact;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.christchurchcall.hashmatch.support.Videos.frame;
import static org.christchurchcall.hashmatch.support.Videos.frames;
import static org.christchurchcall.hashmatch.support.Videos.synthetic;
import static org.christchurchcall.hashmatch.support.Videos.text;
import static org.christchurchcall.hashmatch.support.Videos.vpdq;
import static org.christchurchcall.hashmatch.support.Videos.vpdqText;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.hashmatch.support.Videos;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Sharing videos: vpdq (its frames) and video-md5, the records as read back, and what is refused. */
@QuarkusTest
class VideoHashTest {

    static final String[] LABELS = { "graphic-violence-against-defenceless-people", "video" };

    @Inject
    Db db;

    final Member company = Member.company();

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aVideoIsSharedAsFramesOrAsItsHashFileAndItsFramesAreReadBackAPageAtATime() throws Exception {
        String file = text("chair-19-sd-bar");
        List<VpdqFrame> reference = Videos.parsed("chair-19-sd-bar");
        int good = (int) reference.stream().filter(f -> f.quality() >= 50).count();
        UUID incident = UUID.randomUUID();
        Map<String, Object> submission = new HashMap<>(vpdq(frames("chair-19-sd-bar"), LABELS));
        submission.put("incidentId", incident.toString());
        long framesBefore = db.count("video_frames");

        String id = json(company.contributor(), submission).post("/api/v1/hashes").then().statusCode(201)
                // the value is the SHA-256 of the reference's own file: the frames format back to it byte for byte
                .body("type", equalTo("vpdq"), "value", equalTo(sha256(file)), "frameCount", equalTo(564),
                        "duration", equalTo(18.767f), "quality", equalTo(100 * good / 564),
                        "labels", equalTo(List.of(LABELS)), "status", equalTo("active"),
                        "contributorId", equalTo(company.supporterId().toString()))
                .body("frames", startsWith("/api/v1/hashes/"))
                .extract().path("id");
        assertEquals(framesBefore + 1, db.count("video_frames"));
        assertEquals(564L * 41, db.scalar("select length(frames) from video_frames f join hash_record r "
                + "on r.seq_id = f.hash_id where r.id = ?", UUID.fromString(id)));

        // the same frames as the hash file's text are the same record
        json(company.contributor(), vpdqText(file, LABELS)).post("/api/v1/hashes").then().statusCode(200)
                .body("id", equalTo(id));
        assertEquals(framesBefore + 1, db.count("video_frames"));
        // another supporter sharing the same video gets its own record
        assertNotEquals(id, share(Member.government().contributor(), vpdqText(file, LABELS)));

        String matcher = Member.government().matcher();
        as(matcher).get("/api/v1/hashes/" + id).then().statusCode(200)
                .body("frameCount", equalTo(564), "frames", equalTo("/api/v1/hashes/" + id + "/frames"),
                        "contributorId", nullValue());
        // lists give the count and the link, never the frames
        as(matcher).queryParam("incidentId", incident).get("/api/v1/hashes").then().statusCode(200)
                .body("items", hasSize(1), "items[0].frameCount", equalTo(564),
                        "items[0].frames", equalTo("/api/v1/hashes/" + id + "/frames"));

        JsonPath first = as(matcher).queryParam("limit", 500).get("/api/v1/hashes/" + id + "/frames").then()
                .statusCode(200).body("items", hasSize(500), "next", notNullValue()).extract().jsonPath();
        JsonPath second = as(TestTokens.withRoles(Roles.SERVICE)).queryParam("limit", 500)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/hashes/" + id + "/frames").then()
                .statusCode(200).body("items", hasSize(64), "nextCursor", nullValue(), "next", nullValue())
                .extract().jsonPath();
        StringBuilder back = new StringBuilder();
        for (JsonPath page : List.of(first, second)) {
            for (Map<String, Object> f : page.<Map<String, Object>>getList("items")) {
                back.append(f.get("frameNumber")).append(',').append(f.get("quality")).append(',').append(f.get("hash"))
                        .append(',').append(VpdqFrame.formatTimestamp(((Number) f.get("timestamp")).doubleValue()))
                        .append('\n');
            }
        }
        assertEquals(file, back.toString());
        // the default page is 1,000 frames: the whole of this video
        as(matcher).get("/api/v1/hashes/" + id + "/frames").then().statusCode(200).body("items", hasSize(564));
    }

    @Test
    void timestampsAreKeptToTheMillisecondAsTheHashFilesPrintThem() {
        List<Map<String, Object>> frames = List.of(frame(0, 90, hex(64), 0.0), frame(1, 90, hex(64), 0.0333333),
                frame(2, 90, hex(64), 0.0666666));
        String id = share(company.contributor(), vpdq(frames, "video"));
        as(company.contributor()).get("/api/v1/hashes/" + id + "/frames").then().statusCode(200)
                .body("items.timestamp", equalTo(List.of(0.0f, 0.033f, 0.067f)));
        as(company.contributor()).get("/api/v1/hashes/" + id).then().body("duration", equalTo(0.067f));
    }

    @Test
    void aVideoMd5IsSharedAndKeptApartFromAnMd5OfTheSameValue() {
        String value = hex(32);
        String video = share(company.contributor(), exact("video-md5", value.toUpperCase(), "video"));
        String file = share(company.contributor(), exact("md5", value, "video"));
        assertNotEquals(video, file);
        as(company.contributor()).get("/api/v1/hashes/" + video).then().statusCode(200)
                .body("type", equalTo("video-md5"), "value", equalTo(value), "frameCount", nullValue(),
                        "frames", nullValue());
        problem(as(company.contributor()).get("/api/v1/hashes/" + video + "/frames").then(), 404);
    }

    static List<Map<String, Object>> with(List<Map<String, Object>> frames, int index, String key, Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> f : frames) {
            out.add(new LinkedHashMap<>(f));
        }
        if (value == null) {
            out.get(index).remove(key);
        } else {
            out.get(index).put(key, value);
        }
        return out;
    }

    static Map<String, Object> plus(Map<String, Object> m, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put(key, value);
        return out;
    }

    static Stream<Arguments> refusedVideos() {
        List<Map<String, Object>> ten = synthetic(10, 1.0);
        List<Map<String, Object>> swapped = new ArrayList<>(ten);
        swapped.set(3, ten.get(4));
        swapped.set(4, ten.get(3));
        String file = text("pattern-sd-grey-bar");
        return Stream.of(
                Arguments.of("frames out of order", vpdq(swapped, "video"), 400, "frames[4].frameNumber"),
                Arguments.of("a frame number twice", vpdq(with(ten, 5, "frameNumber", 4), "video"), 400,
                        "frames[5].frameNumber"),
                Arguments.of("a timestamp going back", vpdq(with(ten, 6, "timestamp", 4.5), "video"), 400,
                        "frames[6].timestamp"),
                Arguments.of("a frame without hash", vpdq(with(ten, 2, "hash", null), "video"), 400, "frames[2].hash"),
                Arguments.of("a hash not hex", vpdq(with(ten, 2, "hash", "z" + hex(63)), "video"), 400, "frames[2].hash"),
                Arguments.of("a short hash", vpdq(with(ten, 2, "hash", hex(62)), "video"), 400, "frames[2].hash"),
                Arguments.of("a frame without quality", vpdq(with(ten, 1, "quality", null), "video"), 400,
                        "frames[1].quality"),
                Arguments.of("quality above 100", vpdq(with(ten, 1, "quality", 101), "video"), 400, "frames[1].quality"),
                Arguments.of("a negative frame number", vpdq(with(ten, 0, "frameNumber", -1), "video"), 400,
                        "frames[0].frameNumber"),
                Arguments.of("a negative timestamp", vpdq(with(ten, 0, "timestamp", -0.5), "video"), 400,
                        "frames[0].timestamp"),
                Arguments.of("no frames", vpdq(List.of(), "video"), 400, "frames"),
                Arguments.of("neither frames nor text", Map.of("type", "vpdq", "labels", List.of("video")), 400, "frames"),
                Arguments.of("frames and text", plus(vpdq(ten, "video"), "value", file), 400, "frames"),
                Arguments.of("a quality of its own", plus(vpdq(ten, "video"), "quality", 90), 400, "quality"),
                Arguments.of("frames on an md5", plus(exact("video-md5", hex(32), "video"), "frames", ten), 400, "frames"),
                Arguments.of("a hash file with a bad line", vpdqText(file.replace("\n5,", "\n5,,"), "video"), 400, "value"),
                Arguments.of("a hash file out of order", vpdqText(file.replace("\n5,", "\n3,"), "video"), 400, "value"),
                Arguments.of("an empty hash file", vpdqText("\n\n", "video"), 400, "value"),
                Arguments.of("no labels", vpdq(ten), 400, "labels"),
                Arguments.of("a video-md5 of the wrong length", exact("video-md5", hex(64), "video"), 400, "value"),
                Arguments.of("no frame of quality 50", vpdq(List.of(frame(0, 49, hex(64), 0), frame(1, 10, hex(64), 1)),
                        "video"), 422, "frames"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedVideos")
    void refusedVideosStoreNothing(String name, Map<String, Object> body, int status, String field) {
        String before = db.footprint();
        problem(json(company.contributor(), body).post("/api/v1/hashes").then(), status)
                .body("errors[0].field", equalTo(field), "detail", notNullValue());
        assertEquals(before, db.footprint());
        // in a bulk submission the item is rejected with its reason and the others are stored
        JsonPath bulk = json(company.contributor(), Map.of("items", List.of(body, exact("video-md5", hex(32), "video"))))
                .post("/api/v1/hashes/bulk").then().statusCode(200)
                .body("created", equalTo(1), "rejected", equalTo(1), "items[0].result", equalTo("rejected"))
                .extract().jsonPath();
        assertEquals(field, bulk.getString("items[0].reason").substring(0, field.length()));
    }

    @Test
    void framesOfAnUnknownRecordOrWithABadPageAreProblems() {
        String id = share(company.contributor(), vpdq(synthetic(5, 1.0), "video"));
        String matcher = Member.government().matcher();
        problem(as(matcher).get("/api/v1/hashes/" + UUID.randomUUID() + "/frames").then(), 404);
        problem(as(matcher).queryParam("limit", 0).get("/api/v1/hashes/" + id + "/frames").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(as(matcher).queryParam("limit", "x").get("/api/v1/hashes/" + id + "/frames").then(), 400);
        problem(as(matcher).queryParam("cursor", "!!").get("/api/v1/hashes/" + id + "/frames").then(), 400)
                .body("errors[0].field", equalTo("cursor"));
        // a cursor past the end is an empty last page
        as(matcher).queryParam("limit", 2).queryParam("cursor", "OTk").get("/api/v1/hashes/" + id + "/frames").then()
                .statusCode(200).body("items", hasSize(0), "nextCursor", nullValue());
    }
}
