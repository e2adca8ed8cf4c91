package org.christchurchcall.hashmatch.compute;

import static org.christchurchcall.hashmatch.compute.VideoFiles.assertNoUploadLeft;
import static org.christchurchcall.platform.testing.RequestLimitChecks.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.platform.testing.RawHttp;
import org.christchurchcall.platform.testing.RawHttp.Body;
import org.christchurchcall.platform.testing.RawHttp.Framing;
import org.christchurchcall.platform.testing.RawHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The documented video limits (docs/operations.md, "Video uploads"), each at its full size with
 * the smallest refused size beside it, over HTTP with the default configuration: the file size
 * (raw and as a form part, with Content-Length and chunked), frame width, height and pixels,
 * duration and frame count; and the bulkhead of two videos at a time. After every request the
 * upload directory is empty.
 */
@QuarkusTest
class VideoUploadLimitsTest {

    static final long MAX_VIDEO = 200L * 1024 * 1024;
    static final String BOUNDARY = "ccall-video-7d3a";
    static final String PATH = "/api/v1/hashes/compute";

    @TestHTTPResource("/")
    URI base;

    @TempDir
    Path dir;

    final Member company = Member.company();

    Map<String, String> raw() {
        return Map.of("Authorization", "Bearer " + company.contributor(), "Content-Type", "video/mp4");
    }

    Map<String, String> form() {
        return Map.of("Authorization", "Bearer " + company.contributor(), "Content-Type",
                "multipart/form-data; boundary=" + BOUNDARY);
    }

    static byte[] padded() {
        return VideoFiles.bytes(VideoFiles.sample("test-padded-dimensions"));
    }

    /** test-padded-dimensions.mp4 followed by a {@code free} box of zeros: a valid MP4 of exactly {@code size} bytes. */
    static byte[] headOfPaddedVideo(long size) {
        byte[] mp4 = padded();
        long box = size - mp4.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mp4);
        out.writeBytes(new byte[] { (byte) (box >>> 24), (byte) (box >>> 16), (byte) (box >>> 8), (byte) box });
        out.writeBytes("free".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static Body rawVideo(long size) {
        return new Body(headOfPaddedVideo(size), size, (byte) 0);
    }

    static Body formVideo(long size) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clip.mp4\""
                + "\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        start.writeBytes(head);
        start.writeBytes(headOfPaddedVideo(size));
        return new Body(start.toByteArray(), head.length + size + end.length, (byte) 0, end);
    }

    static String md5OfPaddedVideo(long size) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] head = headOfPaddedVideo(size);
        md5.update(head);
        byte[] zeros = new byte[1 << 20];
        for (long left = size - head.length; left > 0; left -= zeros.length) {
            md5.update(zeros, 0, (int) Math.min(zeros.length, left));
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The C-converter regeneration of test-padded-dimensions, one frame a second. */
    static String paddedLines() throws IOException {
        String all = Files.readString(VideoFiles.data().resolve("regen-swscale-c/test-padded-dimensions.txt"));
        StringBuilder sb = new StringBuilder();
        for (String line : all.split("\n")) {
            if (Integer.parseInt(line.substring(0, line.indexOf(','))) % 30 == 0) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void aVideoOfExactly200MibIsHashedRawOrAsAFormPartAndOneByteMoreIsRefused() throws Exception {
        String md5 = md5OfPaddedVideo(MAX_VIDEO);
        String lines = paddedLines();
        for (Framing framing : Framing.values()) {
            for (boolean asForm : new boolean[] { false, true }) {
                String how = framing + (asForm ? " form" : " raw");
                Reply ok = RawHttp.send(base, "POST", PATH, asForm ? form() : raw(),
                        asForm ? formVideo(MAX_VIDEO) : rawVideo(MAX_VIDEO), framing, Long.MAX_VALUE);
                assertEquals(200, ok.status(), how + ": " + ok.body());
                JsonNode json = ok.json();
                assertEquals(MAX_VIDEO, json.get("size").asLong(), how);
                assertEquals(md5, json.get("videoMd5").asText(), how);
                assertEquals(lines, json.get("lines").asText(), how);
                assertNoUploadLeft(how + " at the limit");

                Reply refused = RawHttp.send(base, "POST", PATH, asForm ? form() : raw(),
                        asForm ? formVideo(MAX_VIDEO + 1) : rawVideo(MAX_VIDEO + 1), framing, Long.MAX_VALUE);
                assertEquals("the file exceeds the limit of " + MAX_VIDEO + " bytes",
                        assertProblem(refused, 413, "payload-too-large").get("detail").asText(), how);
                assertNoUploadLeft(how + " one byte over the limit");
            }
        }
    }

    @Test
    void anAnonymousUploadIsRefusedBeforeItsBodyIsRead() {
        // the upload paths are streamed: the token is checked before the endpoint reads a byte
        long size = 100L * 1024 * 1024;
        for (Framing framing : Framing.values()) {
            Reply r = RawHttp.send(base, "POST", PATH, Map.of("Content-Type", "video/mp4"), rawVideo(size), framing,
                    1024 * 1024);
            assertProblem(r, 401, "unauthorized");
            assertTrue(!r.sentAll() && r.sentBeforeReply() < 4L * 1024 * 1024,
                    framing + ": the 401 came after " + r.sentBeforeReply() + " bytes");
        }
        assertNoUploadLeft("anonymous uploads");
    }

    private Reply send(Path video) {
        return RawHttp.send(base, "POST", PATH, raw(), Body.of(VideoFiles.bytes(video)), Framing.CONTENT_LENGTH,
                Long.MAX_VALUE);
    }

    /** One frame of {@code size} (WxH) as PNG in Matroska: any size, odd ones too, in a few KB. */
    private Path frame(String size) {
        return VideoFiles.ffmpeg(dir.resolve(size + ".mkv"), "-f", "lavfi", "-i",
                "testsrc2=s=64x64:r=1,scale=" + size.replace('x', ':') + ":flags=neighbor,format=monob", "-frames:v",
                "1", "-c:v", "png");
    }

    @Test
    void framesUpTo3840PixelsEachWayAnd8294400InAllAreTakenAndOneMoreIsRefusedFromTheHeader() {
        for (String ok : List.of("3840x2160", "2160x3840")) {
            Reply r = send(frame(ok));
            assertEquals(200, r.status(), ok + ": " + r.body());
            assertEquals(ok, r.json().get("video").get("width").asInt() + "x" + r.json().get("video").get("height").asInt());
            assertEquals(1, r.json().get("frames").size());
        }
        for (String over : List.of("3841x16", "16x3841", "3840x2161")) {
            JsonNode p = assertProblem(send(frame(over)), 422, "frame-too-large");
            assertTrue(p.get("detail").asText().startsWith("frames of " + over), p.toString());
        }
        assertNoUploadLeft("frame size limits");
    }

    @Test
    void anHourIsTakenAndOneSecondMoreIsRefusedFromTheHeader() {
        // 16 x 16 at 1 frame a second: the length costs nothing to decode
        Path hour = VideoFiles.ffmpeg(dir.resolve("3600.mp4"), "-f", "lavfi", "-i", "testsrc2=s=16x16:r=1",
                "-frames:v", "3600", "-c:v", "libx264", "-preset", "ultrafast");
        Reply r = send(hour);
        assertEquals(200, r.status(), r.body());
        assertEquals(3600.0, r.json().get("video").get("duration").asDouble());
        assertEquals(3600, r.json().get("frames").size());

        Path longer = VideoFiles.ffmpeg(dir.resolve("3601.mp4"), "-f", "lavfi", "-i", "testsrc2=s=16x16:r=1",
                "-frames:v", "3601", "-c:v", "libx264", "-preset", "ultrafast");
        JsonNode p = assertProblem(send(longer), 422, "video-too-long");
        assertEquals("the video lasts 3601.0 s, longer than the 3600 s allowed", p.get("detail").asText());
        assertNoUploadLeft("duration limits");
    }

    @Test
    void twoHundredAndSixteenThousandFramesAreTakenAndOneMoreIsRefusedFromTheHeader() {
        // 120 fps, so that the frames run out before the hour does
        Path max = VideoFiles.ffmpeg(dir.resolve("216000.mp4"), "-f", "lavfi", "-i", "color=c=black:s=16x16:r=120",
                "-frames:v", "216000", "-c:v", "libx264", "-preset", "ultrafast", "-g", "100000");
        Reply r = send(max);
        assertEquals(200, r.status(), r.body());
        assertEquals(1800, r.json().get("frames").size());

        Path more = VideoFiles.ffmpeg(dir.resolve("216001.mp4"), "-f", "lavfi", "-i", "color=c=black:s=16x16:r=120",
                "-frames:v", "216001", "-c:v", "libx264", "-preset", "ultrafast", "-g", "100000");
        JsonNode p = assertProblem(send(more), 422, "too-many-frames");
        assertEquals("the video has 216001 frames, more than the 216000 allowed", p.get("detail").asText());
        assertNoUploadLeft("frame count limits");
    }

    @Test
    void aThirdVideoWhileTwoAreBeingUploadedGets503WithRetryAfterAndNothingWaits() throws Exception {
        byte[] mp4 = padded();
        List<Socket> stalled = new ArrayList<>();
        try {
            // two chunked uploads that send the start of a video and then nothing
            for (int i = 0; i < 2; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST " + PATH + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nAuthorization: Bearer " + company.contributor() + "\r\nContent-Type: video/mp4\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(4096) + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(mp4, 0, 4096);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                stalled.add(s);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> VideoFiles.uploadsLeft().size() == 2);
            for (String name : VideoFiles.uploadsLeft()) {
                assertEquals("rw-------", PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(VideoFiles.uploadDir().resolve(name))), name);
            }

            Reply busy = send(VideoFiles.sample("test-padded-dimensions"));
            JsonNode p = assertProblem(busy, 503, "unavailable");
            assertEquals("10", busy.header("Retry-After"));
            assertTrue(p.get("detail").asText().contains("already hashing 2 videos"), p.toString());
            // an image is not held up
            Reply image = RawHttp.send(base, "POST", PATH, Map.of("Authorization", "Bearer " + company.contributor(),
                    "Content-Type", "image/png"), Body.of(Images.png(Images.shapes(2, 64, 64))), Framing.CONTENT_LENGTH,
                    Long.MAX_VALUE);
            assertEquals(200, image.status(), image.body());
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
        // the abandoned uploads are dropped with their files, and their slots come back
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> VideoFiles.uploadsLeft().isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> send(VideoFiles.sample("test-padded-dimensions")).status() == 200);
        assertNoUploadLeft("the bulkhead");
    }
}
