package org.christchurchcall.hashmatch.compute;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.christchurchcall.platform.testing.RequestLimitChecks.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.christchurchcall.hashmatch.pdq.PdqHasher;
import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.platform.testing.RawHttp;
import org.christchurchcall.platform.testing.RawHttp.Body;
import org.christchurchcall.platform.testing.RawHttp.Framing;
import org.christchurchcall.platform.testing.RawHttp.Reply;
import org.christchurchcall.platform.testing.RequestLimitChecks;
import org.christchurchcall.platform.testing.RequestLimitsTestBase;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * hashmatch-service's request limits (docs/operations.md) for images and any file that is not a
 * video: a 20 MiB file, raw or as a form part, read in memory and never written to disk. The two
 * upload paths are streamed: their bodies (any type) may be 200 MiB + 64 KiB, the video file limit
 * plus the multipart framing (VideoUploadLimitsTest has the video limits).
 */
@QuarkusTest
class UploadLimitsTest extends RequestLimitsTestBase {

    static final int MAX_FILE = 20 * 1024 * 1024;
    /** ccall.http.max-streamed-body-size: the body limit of the upload paths. */
    static final long MAX_BODY = 200L * 1024 * 1024 + 64 * 1024;
    static final String BOUNDARY = "ccall-limits-7d3a";

    static String expectedPdq;
    static byte[] atLimit;
    static byte[] overLimit;

    final Member company = Member.company();

    @BeforeAll
    static void pictures() {
        var image = Images.shapes(11, 320, 240);
        byte[] png = Images.png(image);
        expectedPdq = new PdqHasher().hash(image).hash().toHex();
        atLimit = Images.pngOfSize(png, MAX_FILE);
        overLimit = Images.pngOfSize(png, MAX_FILE + 1);
    }

    Map<String, String> raw() {
        return Map.of("Authorization", "Bearer " + company.contributor(), "Content-Type", "image/png");
    }

    Map<String, String> form() {
        return form(company.contributor());
    }

    static Map<String, String> form(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    /** A form with the file, and a note part that fills the body up to {@code size} bytes if given. */
    static byte[] form(byte[] file, long size) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"picture.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] noteHead = ("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(file);
        if (size > 0) {
            long note = size - head.length - file.length - noteHead.length - end.length;
            out.writeBytes(noteHead);
            out.writeBytes("n".repeat((int) note).getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(end);
        return out.toByteArray();
    }

    /** The same form streamed: the file, then a note part of 'n's that makes the body {@code size} bytes. */
    static Body formBody(byte[] file, long size) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"picture.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] noteHead = ("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        start.writeBytes(head);
        start.writeBytes(file);
        start.writeBytes(noteHead);
        return new Body(start.toByteArray(), size, (byte) 'n', end);
    }

    static void hashed(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        assertEquals(MAX_FILE, reply.json().get("size").asInt());
        assertEquals(expectedPdq, reply.json().get("pdq").asText());
    }

    @Test
    void aFileAtTheLimitIsHashedRawOrAsAFormPartAndOneByteMoreIsRefused() {
        for (Framing framing : Framing.values()) {
            hashed(RawHttp.send(base, "POST", "/api/v1/hashes/compute", raw(), Body.of(atLimit), framing,
                    Long.MAX_VALUE));
            assertEquals("the file exceeds the limit of " + MAX_FILE + " bytes", assertProblem(RawHttp.send(base, "POST",
                    "/api/v1/hashes/compute", raw(), Body.of(overLimit), framing, Long.MAX_VALUE), 413,
                    "payload-too-large").get("detail").asText());

            hashed(RawHttp.send(base, "POST", "/api/v1/hashes/compute", form(), Body.of(form(atLimit, 0)), framing,
                    Long.MAX_VALUE));
            assertProblem(RawHttp.send(base, "POST", "/api/v1/match/file", form(company.matcher()),
                    Body.of(form(overLimit, 0)), framing, Long.MAX_VALUE), 413, "payload-too-large");
        }
    }

    @Test
    void aBodyAtTheLimitIsTakenAndOneByteMoreIsRefused() {
        // the image at its own limit, and a note part that fills the body: counted, never kept
        RequestLimitChecks.bodyLimitHolds(base, "POST", "/api/v1/hashes/compute", form(), MAX_BODY,
                size -> formBody(atLimit, size), (framing, reply) -> hashed(reply));
        VideoFiles.assertNoUploadLeft("forms at the body limit");
    }

    @Test
    void anOversizedBodyIsRefusedWhileItIsStillBeingSent() {
        byte[] small = Images.png(Images.shapes(3, 64, 64));
        RequestLimitChecks.refusalIsEarly(base, "POST", "/api/v1/match/file", form(company.matcher()), MAX_BODY,
                size -> formBody(small, size));
    }

    @Test
    void anUploadRefusedMidBodyGetsItsAnswerAndTheConnectionIsClosed() throws IOException {
        // a chunked image 1 MiB over its limit, never finished: the 413 comes, then the server hangs up
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/hashes/compute HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                    + company.contributor() + "\r\nContent-Type: image/png\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[64 * 1024];
            for (int sent = 0; sent < MAX_FILE + 1024 * 1024; sent += piece.length) {
                out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(piece);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            java.io.InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertEquals(true, answer.startsWith("HTTP/1.1 413 "), answer);
            assertEquals(true, answer.contains("the file exceeds the limit of " + MAX_FILE + " bytes"), answer);
        }
    }

    @Test
    void theJsonEndpointsKeepTheirOwnBodyLimit() {
        // bulk submissions are read in memory: 20 MiB + 64 KiB, not the upload paths' 200 MiB
        long limit = 20 * 1024 * 1024 + 64 * 1024;
        Map<String, String> json = Map.of("Authorization", "Bearer " + company.contributor(), "Content-Type",
                "application/json");
        RequestLimitChecks.bodyLimitHolds(base, "POST", "/api/v1/hashes/bulk", json, limit,
                size -> Body.paddedJson("{\"items\": []}", size), (framing, reply) -> assertProblem(reply, 400,
                        "validation"));
    }

    @Test
    void uploadsNeverReachTheDisk() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path uploads = Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory",
                String.class)).toAbsolutePath();
        Files.createDirectories(uploads);
        List<String> written = new ArrayList<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            tmp.register(watch, ENTRY_CREATE);
            uploads.register(watch, ENTRY_CREATE);
            for (Framing framing : Framing.values()) {
                hashed(RawHttp.send(base, "POST", "/api/v1/hashes/compute", form(), Body.of(form(atLimit, 0)),
                        framing, Long.MAX_VALUE));
                assertEquals(200, RawHttp.send(base, "POST", "/api/v1/match/file", form(company.matcher()),
                        Body.of(form(atLimit, 0)), framing, Long.MAX_VALUE).status());
                hashed(RawHttp.send(base, "POST", "/api/v1/hashes/compute", raw(), Body.of(atLimit), framing,
                        Long.MAX_VALUE));
            }
            WatchKey key;
            while ((key = watch.poll()) != null) {
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    String name = String.valueOf(event.context());
                    // other processes use the temporary directory too: only the HTTP layer's spool
                    // files (resteasy-reactive*upload) and ImageIO's cache files would be ours
                    if (dir.equals(uploads) || name.startsWith("resteasy-reactive") || name.startsWith("imageio")) {
                        written.add(dir.resolve(name).toString());
                    }
                }
                key.reset();
            }
        }
        assertEquals(List.of(), written, "files written while uploads were read");
        try (var left = Files.list(uploads)) {
            assertEquals(0, left.count());
        }
    }

    @Override
    protected String secretariatEndpoint() {
        return "/api/v1/disputes";
    }
}
