package org.christchurchcall.hashmatch.compute;

import static org.christchurchcall.hashmatch.compute.VideoFiles.assertNoUploadLeft;
import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Hostile files at both upload endpoints: each is refused with a 4xx problem, leaves no file in
 * the upload directory, and leaves the service answering health and an ordinary request.
 */
@QuarkusTest
class HostileVideoTest {

    @TempDir
    Path dir;

    final Member company = Member.company();

    @AfterEach
    void theServiceIsUnharmed() {
        assertNoUploadLeft("a hostile upload");
        RestAssured.given().get("/q/health/live").then().statusCode(200);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        as(company.contributor()).contentType("video/mp4")
                .body(VideoFiles.bytes(VideoFiles.sample("test-padded-dimensions"))).post("/api/v1/hashes/compute")
                .then().statusCode(200).body("type", equalTo("vpdq"), "frames.size()", equalTo(5));
        as(company.matcher()).contentType("image/png").body(Images.png(Images.shapes(4, 64, 64)))
                .post("/api/v1/match/file").then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse compute(byte[] body, String type) {
        return as(company.contributor()).contentType(type).body(body).post("/api/v1/hashes/compute").then();
    }

    private io.restassured.response.ValidatableResponse matchForm(byte[] body, String name, String type) {
        return as(company.matcher()).multiPart("file", name, body, type).post("/api/v1/match/file").then();
    }

    @Test
    void aTruncatedMp4IsUnreadable() {
        // chair-19 keeps its index (moov) in front: FFmpeg decodes the first half and exits cleanly
        byte[] chair = VideoFiles.bytes(VideoFiles.sample("chair-19-sd-bar"));
        byte[] half = Arrays.copyOf(chair, chair.length / 2);
        problem(compute(half, "video/mp4"), 422).body("type", equalTo("urn:ccall:problem:unreadable-video"),
                "detail", containsString("truncated"));
        problem(matchForm(half, "half.mp4", "video/mp4"), 422).body("type",
                equalTo("urn:ccall:problem:unreadable-video"));
        // test-padded-dimensions keeps it at the end: the header is gone
        byte[] padded = VideoFiles.bytes(VideoFiles.sample("test-padded-dimensions"));
        problem(compute(Arrays.copyOf(padded, padded.length / 2), "application/octet-stream"), 422)
                .body("type", equalTo("urn:ccall:problem:unreadable-video"));
    }

    @Test
    void somethingElseDeclaredAsAVideoIs415() {
        byte[] random = new byte[100_000];
        new Random(13).nextBytes(random);
        problem(compute(random, "video/mp4"), 415).body("type", equalTo("urn:ccall:problem:unsupported-media-type"));
        byte[] text = "this is a text file, not a film\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        problem(matchForm(text, "film.mp4", "application/octet-stream"), 415).body("detail", containsString("film.mp4"));
        byte[] png = Images.png(Images.shapes(5, 64, 64));
        problem(compute(png, "video/webm"), 415);
        problem(matchForm(png, "picture.png", "video/quicktime"), 415);
        // undeclared, the same bytes are any file: digests only, or an image, as before
        as(company.contributor()).contentType(ContentType.BINARY).body(random).post("/api/v1/hashes/compute").then()
                .statusCode(200).body("pdq", equalTo(null), "notAnImage", org.hamcrest.Matchers.notNullValue());
        as(company.contributor()).multiPart("file", "picture.png", png, "image/png").post("/api/v1/hashes/compute")
                .then().statusCode(200).body("pdq", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aContainerWithGarbageInsideIsUnreadable() {
        // an MP4 signature (ftyp) followed by random bytes
        byte[] fake = new byte[50_000];
        new Random(7).nextBytes(fake);
        byte[] ftyp = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
            '4', '1' };
        System.arraycopy(ftyp, 0, fake, 0, ftyp.length);
        problem(compute(fake, "video/mp4"), 422).body("type", equalTo("urn:ccall:problem:unreadable-video"));
        problem(matchForm(fake, "x.mp4", "video/mp4"), 422);
    }

    @Test
    void aSixteenThousandPixelFrameIsRefusedFromItsHeaderBeforeDecoding() {
        // FFmpeg refuses to make 16384 x 16384 (more than INT_MAX / 8 bytes with its padding), so
        // 16000 x 16000: one black frame, PNG in Matroska, made through a 16 x 16 source in 0.4 s
        Path big = VideoFiles.ffmpeg(dir.resolve("16k.mkv"), "-f", "lavfi", "-i",
                "color=c=black:s=16x16:r=25,scale=16000:16000:flags=neighbor,format=monob", "-frames:v", "1", "-c:v",
                "png");
        byte[] bytes = VideoFiles.bytes(big);
        problem(compute(bytes, "video/x-matroska"), 422).body("type", equalTo("urn:ccall:problem:frame-too-large"),
                "detail", startsWith("frames of 16000x16000 are larger than the 3840x3840 allowed"));
        problem(matchForm(bytes, "big.mkv", "video/x-matroska"), 422)
                .body("type", equalTo("urn:ccall:problem:frame-too-large"));
    }

    @Test
    void aThreeHourStreamIsRefusedFromItsHeaderAndOneWhoseHeaderSaysNothingWhileItIsDecoded() {
        // three hours at 16 x 16 and 1 frame a second: 10,800 frames, made in a second
        Path mp4 = VideoFiles.ffmpeg(dir.resolve("3h.mp4"), "-f", "lavfi", "-i", "testsrc2=s=16x16:r=1:d=10800",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "600");
        problem(compute(VideoFiles.bytes(mp4), "video/mp4"), 422)
                .body("type", equalTo("urn:ccall:problem:video-too-long"), "detail", containsString("10800.0 s"));
        // the same written as Matroska to a pipe: no duration and no frame count in the header, so
        // only the decoded frames' timestamps show it; frame 3601 (3601 s) is refused
        Path live = VideoFiles.ffmpeg(dir.resolve("3h-live.mkv"), "-f", "lavfi", "-i", "testsrc2=s=16x16:r=1:d=10800",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "600", "-f", "matroska", "-live", "1");
        problem(matchForm(VideoFiles.bytes(live), "live.mkv", "video/x-matroska"), 422)
                .body("type", equalTo("urn:ccall:problem:video-too-long"),
                        "detail", equalTo("the video runs longer than the 3600 s allowed"));
    }

    @Test
    void anAudioFileWithoutVideoIsUnreadableAsAVideo() {
        Path audio = VideoFiles.ffmpeg(dir.resolve("tone.mkv"), "-f", "lavfi", "-i", "sine=f=440:d=2", "-c:a", "flac");
        problem(compute(VideoFiles.bytes(audio), "video/x-matroska"), 422)
                .body("type", equalTo("urn:ccall:problem:unreadable-video"), "detail",
                        equalTo("the file has no video stream"));
    }
}
