package org.christchurchcall.hashmatch.compute;

import static org.christchurchcall.hashmatch.compute.VideoFiles.assertNoUploadLeft;
import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The journey the Call's hash sharing exists for, end to end over HTTP: a company hashes the
 * attack video it took down and shares it; a government's platform gets a re-encoded copy (another
 * bitrate and resolution, made here by FFmpeg, so its MD5 is new) and finds the shared video by
 * vPDQ; a frame grabbed from the copy, uploaded as an image, finds the video too, with the time
 * of the frame.
 */
@QuarkusTest
class VideoEndToEndTest {

    static final String[] LABELS = { "graphic-violence-against-defenceless-people", "video" };

    final Member company = Member.company();
    final Member government = Member.government();

    @Test
    void aReEncodedCopyAndAGrabbedFrameFindTheVideoAnotherSupporterShared(@TempDir Path dir) throws Exception {
        Path original = VideoFiles.sample("chair-orig-22-sd-bar"); // 480x720, 30 fps, 22.4 s

        // 1. the company hashes its copy (nothing stored) and shares the frames
        JsonPath computed = as(company.contributor()).contentType("video/mp4").body(VideoFiles.bytes(original))
                .post("/api/v1/hashes/compute").then().statusCode(200).body("type", equalTo("vpdq"))
                .extract().jsonPath();
        List<Map<String, Object>> frames = computed.getList("frames");
        assertEquals(23, frames.size(), "one frame a second of 22.4 s");
        String shared = json(company.contributor(), Map.of("type", "vpdq", "frames", frames, "labels", List.of(LABELS)))
                .post("/api/v1/hashes").then().statusCode(201).extract().path("id");

        // 2. someone re-encodes it: two thirds of the size, a quarter of the bitrate
        Path copy = VideoFiles.ffmpeg(dir.resolve("copy.mp4"), "-i", original.toString(), "-an", "-vf", "scale=320:480",
                "-c:v", "libx264", "-preset", "veryfast", "-b:v", "250k");
        byte[] copyBytes = Files.readAllBytes(copy);

        // 3. the government's platform matches the upload it received
        JsonPath matched = as(government.matcher()).contentType("video/mp4").body(copyBytes)
                .post("/api/v1/match/file").then().statusCode(200)
                .body("results.type", equalTo(List.of("md5", "sha256", "video-md5", "vpdq")),
                        "results[2].matches", equalTo(List.of()), // the file is new: no exact match
                        "results[3].videos.id", hasItem(shared))
                .extract().jsonPath();
        String hit = "results[3].videos.find { it.id == '" + shared + "' }";
        float queryPercent = matched.getFloat(hit + ".queryPercent");
        float candidatePercent = matched.getFloat(hit + ".candidatePercent");
        assertTrue(queryPercent >= 80, "share of the copy's frames found in the shared video: " + queryPercent);
        assertTrue(candidatePercent >= 80, "share of the shared video's frames found in the copy: " + candidatePercent);
        assertEquals(List.of("graphic-violence-against-defenceless-people", "video"), matched.getList(hit + ".labels"));
        assertTrue(matched.getString(hit).indexOf("contributor") < 0, "a match never names the contributor");

        // 4. a frame grabbed from the copy at 12 s, uploaded as an image
        Path frame = VideoFiles.ffmpeg(dir.resolve("frame.png"), "-ss", "12", "-i", copy.toString(), "-frames:v", "1");
        JsonPath image = as(government.matcher()).multiPart("file", "frame.png", Files.readAllBytes(frame), "image/png")
                .post("/api/v1/match/file").then().statusCode(200)
                .body("results.type", equalTo(List.of("md5", "sha256", "pdq")), "results[2].videos.id", hasItem(shared))
                .extract().jsonPath();
        double at = image.getDouble("results[2].videos.find { it.id == '" + shared + "' }.timestamp");
        assertTrue(Math.abs(at - 12) <= 1.0, "the video's frame nearest the image is at " + at + " s, near 12 s");

        // an unrelated video does not match it
        as(government.matcher()).contentType("video/mp4").body(VideoFiles.bytes(VideoFiles.sample("pattern-sd-grey-bar")))
                .post("/api/v1/match/file").then().statusCode(200).body("results[3].videos.id", not(hasItem(shared)));
        assertNoUploadLeft("the journey");
    }
}
