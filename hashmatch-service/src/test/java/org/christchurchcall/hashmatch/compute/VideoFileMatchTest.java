package org.christchurchcall.hashmatch.compute;

import static org.christchurchcall.hashmatch.compute.VideoFiles.assertNoUploadLeft;
import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.exact;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.christchurchcall.hashmatch.support.Videos.frames;
import static org.christchurchcall.hashmatch.support.Videos.vpdq;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * POST /api/v1/match/file with a video: hashed as /api/v1/hashes/compute hashes it, then its md5,
 * sha256 and video-md5 matched exactly and its frames as the vpdq query of POST /api/v1/match.
 */
@QuarkusTest
class VideoFileMatchTest {

    static final String[] LABELS = { "graphic-violence-against-defenceless-people", "video" };

    @Inject
    Db db;

    final Member sharer = Member.company();
    final Member matcher = Member.government();

    static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    static String video(String id) {
        return "results[3].videos.find { it.id == '" + id + "' }";
    }

    @Test
    void anUploadedVideoMatchesAnotherCutOfItByVpdqAndItselfByItsMd5() throws Exception {
        byte[] chair19 = VideoFiles.bytes(VideoFiles.sample("chair-19-sd-bar"));
        String chair20 = share(sharer.contributor(), vpdq(frames("chair-20-sd-bar"), LABELS));
        String pattern = share(sharer.contributor(), vpdq(frames("pattern-sd-grey-bar"), LABELS));
        String videoMd5 = share(sharer.contributor(), exact("video-md5", hex("MD5", chair19), LABELS));
        String md5 = share(sharer.contributor(), exact("md5", hex("MD5", chair19), LABELS));
        String footprint = db.footprint();

        JsonPath answer = as(matcher.matcher()).contentType("video/mp4").body(chair19).post("/api/v1/match/file").then()
                .statusCode(200)
                .body("file.type", equalTo("vpdq"), "file.lines", equalTo(VideoFiles.referenceLines("chair-19-sd-bar", 30)),
                        "threshold", equalTo(31), "minQueryPercent", equalTo(80.0f), "minCandidatePercent",
                        equalTo(0.0f), "results.type", equalTo(List.of("md5", "sha256", "video-md5", "vpdq")),
                        "results[0].matches.id", equalTo(List.of(md5)), "results[1].matches", equalTo(List.of()),
                        "results[2].matches.id", equalTo(List.of(videoMd5)), "results[3].frameCount", equalTo(19),
                        video(chair20) + ".queryPercent", equalTo(100.0f),
                        "results[3].videos.id", not(hasItem(pattern)))
                .extract().jsonPath();
        assertTrue(answer.getFloat(video(chair20) + ".candidatePercent") > 0);
        assertEquals(footprint, db.footprint(), "matching stores nothing");
        assertNoUploadLeft("a video was matched");

        // as a form part, sampling every frame and asking more of the stored video: chair-19 covers
        // 92.76 % of chair-20's frames (HMA), so 95 % leaves it out
        as(matcher.matcher()).multiPart("file", "clip.mp4", chair19, "video/mp4").queryParam("secondsPerHash", 0)
                .queryParam("minCandidatePercent", 95).post("/api/v1/match/file").then().statusCode(200)
                .body("results[3].frameCount", equalTo(564), "minCandidatePercent", equalTo(95.0f),
                        "results[3].videos.id", not(hasItem(chair20)));
        as(TestTokens.secretariat()).multiPart("file", "clip.mp4", chair19, "video/mp4").queryParam("secondsPerHash", 0)
                .queryParam("minCandidatePercent", 90).post("/api/v1/match/file").then().statusCode(200)
                .body(video(chair20) + ".candidatePercent", equalTo(92.76f));
        assertNoUploadLeft("forms were matched");
    }

    @Test
    void badParametersAndCallersAreRefusedBeforeTheUploadIsKept() {
        byte[] video = VideoFiles.bytes(VideoFiles.sample("test-padded-dimensions"));
        String token = matcher.matcher();
        problem(as(token).contentType("video/mp4").queryParam("minQueryPercent", 100.5).body(video)
                .post("/api/v1/match/file").then(), 400).body("errors[0].field", equalTo("minQueryPercent"));
        problem(as(token).contentType("video/mp4").queryParam("minCandidatePercent", "lots").body(video)
                .post("/api/v1/match/file").then(), 400).body("errors[0].field", equalTo("minCandidatePercent"));
        problem(as(token).contentType("video/mp4").queryParam("secondsPerHash", -1).body(video)
                .post("/api/v1/match/file").then(), 400);
        problem(as(token).contentType("video/mp4").queryParam("threshold", 32).body(video)
                .post("/api/v1/match/file").then(), 400);
        problem(as(token).contentType("video/mp4").queryParam("dihedral", true).body(video)
                .post("/api/v1/match/file").then(), 400);

        problem(RestAssured.given().contentType("video/mp4").body(video).post("/api/v1/match/file").then(), 401);
        problem(as(sharer.contributor()).contentType("video/mp4").body(video).post("/api/v1/match/file").then(), 403);
        problem(as(sharer.token()).multiPart("file", "v.mp4", video, "video/mp4").post("/api/v1/match/file").then(),
                403);
        assertNoUploadLeft("refused requests");
    }
}
