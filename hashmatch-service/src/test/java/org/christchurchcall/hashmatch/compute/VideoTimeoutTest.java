package org.christchurchcall.hashmatch.compute;

import static org.christchurchcall.hashmatch.compute.VideoFiles.assertNoUploadLeft;
import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The wall-clock limit over HTTP, with a 1 s timeout instead of 120 s: a decode that runs past it
 * is killed (no FFmpeg process is left) and answered with 422 decoding-limit, the upload file is
 * deleted, and the service goes on answering. The profile also starts the service on an upload
 * directory that holds what a crash would leave, which start-up deletes.
 */
@QuarkusTest
@TestProfile(VideoTimeoutTest.OneSecond.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VideoTimeoutTest {

    static final Path DIR = Path.of("target/video-uploads-after-crash").toAbsolutePath();

    public static class OneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(DIR);
                Files.writeString(DIR.resolve("upload-1234567890.video"), "half an upload from before a crash");
                Files.writeString(DIR.resolve("not-ours.txt"), "someone else's file");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("ccall.hashmatch.video-hashing.timeout", "1s", "ccall.hashmatch.video-hashing.temp-dir",
                    DIR.toString());
        }
    }

    final Member company = Member.company();

    static List<String> ffmpegChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse("?")).filter(c -> c.contains("ffmpeg") || c.contains("ffprobe"))
                .toList();
    }

    @Test
    @Order(1)
    void startUpDeletesTheUploadsACrashLeftAndNothingElse() throws IOException {
        assertEquals(DIR, VideoFiles.uploadDir());
        assertEquals(List.of("not-ours.txt"), VideoFiles.uploadsLeft());
        Files.delete(DIR.resolve("not-ours.txt"));
    }

    @Test
    @Order(2)
    void aDecodeThatRunsPastTheTimeoutIsKilledAndRefused() {
        // every frame of chair-19: 564 frames, over 3 s of work on one core (the reference's own time)
        byte[] chair = VideoFiles.bytes(VideoFiles.sample("chair-19-sd-bar"));
        problem(as(company.contributor()).contentType("video/mp4").queryParam("secondsPerHash", 0).body(chair)
                .post("/api/v1/hashes/compute").then(), 422)
                .body("type", equalTo("urn:ccall:problem:decoding-limit"),
                        "detail", equalTo("decoding the video went over its time, CPU or memory limit"));
        assertEquals(List.of(), ffmpegChildren(), "FFmpeg processes left running");
        assertNoUploadLeft("a decode that timed out");
        problem(as(company.matcher()).multiPart("file", "chair.mp4", chair, "video/mp4").queryParam("secondsPerHash", 0)
                .post("/api/v1/match/file").then(), 422).body("type", equalTo("urn:ccall:problem:decoding-limit"));
        assertEquals(List.of(), ffmpegChildren(), "FFmpeg processes left running");
        assertNoUploadLeft("a decode that timed out");

        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        as(company.contributor()).contentType("image/png").body(Images.png(Images.shapes(6, 64, 64)))
                .post("/api/v1/hashes/compute").then().statusCode(200);
    }
}
