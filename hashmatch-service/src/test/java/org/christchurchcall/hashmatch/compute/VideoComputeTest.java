package org.christchurchcall.hashmatch.compute;

import static org.christchurchcall.hashmatch.compute.VideoFiles.assertNoUploadLeft;
import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * POST /api/v1/hashes/compute with a video: vPDQ bit-exact with Meta's reference, raw or as a form
 * part, whatever the declared type; the sampling parameter; who may call it; and the upload file
 * gone when the answer arrives.
 */
@QuarkusTest
class VideoComputeTest {

    static final String CHAIR = "chair-19-sd-bar";

    @Inject
    Db db;

    final Member company = Member.company();

    static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @Test
    void aVideoIsHashedOneFrameASecondExactlyAsTheReferenceRawOrAsAFormPart() throws Exception {
        byte[] video = VideoFiles.bytes(VideoFiles.sample(CHAIR));
        String expected = VideoFiles.referenceLines(CHAIR, 30);
        String footprint = db.footprint();

        JsonPath raw = as(company.contributor()).contentType("video/mp4").body(video).post("/api/v1/hashes/compute")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(expected, raw.getString("lines"));
        assertEquals("vpdq", raw.getString("type"));
        assertEquals(video.length, raw.getLong("size"));
        assertEquals(hex("MD5", video), raw.getString("md5"));
        assertEquals(hex("MD5", video), raw.getString("videoMd5"));
        assertEquals(hex("SHA-256", video), raw.getString("sha256"));
        assertEquals(1.0, raw.getDouble("secondsPerHash"));
        assertEquals(Map.of("codec", "h264", "width", 480, "height", 720, "fps", 30.0f, "duration", 18.8f),
                raw.getMap("video"));
        // frames 0, 30, ..., 540: 19 of them, each a line of the reference's file
        List<Map<String, Object>> frames = raw.getList("frames");
        assertEquals(19, frames.size());
        String[] lines = expected.split("\n");
        for (int i = 0; i < frames.size(); i++) {
            Map<String, Object> f = frames.get(i);
            assertEquals(lines[i], f.get("frameNumber") + "," + f.get("quality") + "," + f.get("hash") + ","
                    + String.format(java.util.Locale.ROOT, "%.3f", ((Number) f.get("timestamp")).doubleValue()));
        }
        assertNoUploadLeft("a video was hashed");

        // the content decides: the same bytes as octet-stream, or as a form part named anything
        as(company.matcher()).contentType(ContentType.BINARY).body(video).post("/api/v1/hashes/compute").then()
                .statusCode(200).body("type", equalTo("vpdq"), "lines", equalTo(expected));
        as(TestTokens.secretariat()).multiPart("file", "clip.bin", video, "application/octet-stream")
                .post("/api/v1/hashes/compute").then().statusCode(200).body("lines", equalTo(expected),
                        "md5", equalTo(hex("MD5", video)));
        assertNoUploadLeft("a form was hashed");
        assertEquals(footprint, db.footprint(), "hashing stores nothing");
    }

    @Test
    void secondsPerHashChoosesTheFramesAndZeroHashesEveryOne() {
        byte[] video = VideoFiles.bytes(VideoFiles.sample("pattern-sd-grey-bar")); // 206 frames at 30 fps
        as(company.contributor()).contentType("video/mp4").queryParam("secondsPerHash", 0).body(video)
                .post("/api/v1/hashes/compute").then().statusCode(200)
                .body("lines", equalTo(VideoFiles.referenceLines("pattern-sd-grey-bar", 1)), "frames.size()",
                        equalTo(206), "secondsPerHash", equalTo(0.0f));
        as(company.contributor()).contentType("video/mp4").queryParam("secondsPerHash", 2).body(video)
                .post("/api/v1/hashes/compute").then().statusCode(200)
                .body("lines", equalTo(VideoFiles.referenceLines("pattern-sd-grey-bar", 60)), "frames.size()",
                        equalTo(4));
        // 60 s, the most allowed: frame 0 only
        as(company.contributor()).multiPart("file", "p.mp4", video, "video/mp4").queryParam("secondsPerHash", 60)
                .post("/api/v1/hashes/compute").then().statusCode(200).body("frames.frameNumber", equalTo(List.of(0)));
        assertNoUploadLeft("sampled hashing");
    }

    @Test
    void badSamplingOrDihedralForAVideoAreRefusedAndNothingIsKept() {
        byte[] video = VideoFiles.bytes(VideoFiles.sample("test-padded-dimensions"));
        for (String bad : List.of("-1", "60.001", "x", "NaN", "Infinity")) {
            problem(as(company.contributor()).contentType("video/mp4").queryParam("secondsPerHash", bad).body(video)
                    .post("/api/v1/hashes/compute").then(), 400).body("errors[0].field", equalTo("secondsPerHash"));
        }
        problem(as(company.contributor()).contentType("video/mp4").queryParam("dihedral", true).body(video)
                .post("/api/v1/hashes/compute").then(), 400)
                .body("detail", containsString("dihedral=true applies to images"));
        problem(as(company.contributor()).multiPart("file", "v.mp4", video, "video/mp4").queryParam("dihedral", true)
                .post("/api/v1/hashes/compute").then(), 400);
        problem(as(company.contributor()).contentType("video/mp4").body(new byte[0]).post("/api/v1/hashes/compute")
                .then(), 400).body("detail", equalTo("the upload is empty"));
        assertNoUploadLeft("refused requests");
    }

    @Test
    void onlyContributorsMatchersAndTheSecretariatMayHashAVideo() {
        byte[] video = VideoFiles.bytes(VideoFiles.sample("test-padded-dimensions"));
        problem(io.restassured.RestAssured.given().contentType("video/mp4").body(video).post("/api/v1/hashes/compute")
                .then(), 401);
        problem(as(Member.government().token()).contentType("video/mp4").body(video).post("/api/v1/hashes/compute")
                .then(), 403);
        problem(as(TestTokens.withRoles("service")).multiPart("file", "v.mp4", video, "video/mp4")
                .post("/api/v1/hashes/compute").then(), 403);
        assertNoUploadLeft("refused callers");
    }
}
