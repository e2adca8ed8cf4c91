package org.christchurchcall.hashmatch.compute;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.pdq.PdqHasher;
import org.christchurchcall.hashmatch.pdq.PdqResult;
import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ComputeAndFileMatchTest {

    static final int MAX_BODY = 20 * 1024 * 1024;

    @Inject
    Db db;

    @TestHTTPResource("/")
    URI base;

    final Member company = Member.company();

    static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @Test
    void anImageGetsItsHashesComputedAndNothingIsStored() throws Exception {
        byte[] png = Images.png(Images.shapes(1, 400, 300));
        PdqResult expected = new PdqHasher().hash(ImageIO.read(new ByteArrayInputStream(png)));
        String footprint = db.footprint();
        as(company.contributor()).contentType(ContentType.BINARY).body(png).post("/api/v1/hashes/compute").then()
                .statusCode(200)
                .body("size", equalTo(png.length), "md5", equalTo(hex("MD5", png)),
                        "sha256", equalTo(hex("SHA-256", png)), "pdq", equalTo(expected.hash().toHex()),
                        "quality", equalTo(expected.quality()), "dihedral", nullValue());
        as(company.matcher()).contentType("image/png").queryParam("dihedral", true).body(png)
                .post("/api/v1/hashes/compute").then().statusCode(200)
                .body("dihedral.original", equalTo(expected.hash().toHex()), "dihedral.size()", equalTo(8),
                        "dihedral.rotate90", notNullValue(), "dihedral.flip-minus", notNullValue());
        as(TestTokens.secretariat()).multiPart("file", "picture.png", png, "image/png")
                .post("/api/v1/hashes/compute").then().statusCode(200).body("pdq", equalTo(expected.hash().toHex()));
        assertEquals(footprint, db.footprint());
    }

    @Test
    void anyOtherFileGetsItsDigestsOnly() throws Exception {
        byte[] pdf = "%PDF-1.4 a manifesto".getBytes();
        as(company.contributor()).contentType(ContentType.BINARY).body(pdf).post("/api/v1/hashes/compute").then()
                .statusCode(200).body("md5", equalTo(hex("MD5", pdf)), "sha256", equalTo(hex("SHA-256", pdf)),
                        "pdq", nullValue(), "notAnImage", notNullValue());
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() {
        byte[] bomb = Images.pngDeclaring(100_000, 100_000);
        assertTrue(bomb.length < 100);
        problem(as(company.contributor()).contentType(ContentType.BINARY).body(bomb).post("/api/v1/hashes/compute")
                .then(), 422).body("detail", org.hamcrest.Matchers.containsString("100000 x 100000"));
        problem(as(company.matcher()).contentType(ContentType.BINARY).body(bomb).post("/api/v1/match/file").then(), 422);
    }

    @Test
    void emptyOrOversizedUploadsAreProblems() throws Exception {
        problem(as(company.contributor()).contentType(ContentType.BINARY).body(new byte[0])
                .post("/api/v1/hashes/compute").then(), 400);
        problem(as(company.contributor()).multiPart("other", "x.bin", new byte[] { 1 })
                .post("/api/v1/hashes/compute").then(), 400);
        byte[] big = new byte[MAX_BODY + 1];
        problem(as(company.contributor()).contentType(ContentType.BINARY).body(big).post("/api/v1/hashes/compute")
                .then(), 413);
        problem(as(company.matcher()).multiPart("file", "big.bin", big).post("/api/v1/match/file").then(), 413);

        // a chunked body declares no length: it is counted as it is read
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(base.resolve("/api/v1/hashes/compute"))
                .header("Authorization", "Bearer " + company.contributor())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> zeros(MAX_BODY + 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        assertEquals("application/problem+json", chunked.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aFileMatchesByItsDigestsAndByPdqIncludingRotatedCopies() throws Exception {
        var original = Images.shapes(7, 256, 256);
        byte[] png = Images.png(original);
        PdqResult pdq = new PdqHasher().hash(original);
        assertTrue(pdq.quality() >= 50, "the test image has structure");
        String pdqId = share(company.contributor(), Map.of("type", "pdq", "value", pdq.hash().toHex(), "quality",
                pdq.quality(), "labels", List.of("image")));
        String shaId = share(company.contributor(), Map.of("type", "sha256", "value", hex("SHA-256", png), "labels",
                List.of("image")));

        String matcher = Member.government().matcher();
        as(matcher).contentType(ContentType.BINARY).body(png).post("/api/v1/match/file").then().statusCode(200)
                .body("file.pdq", equalTo(pdq.hash().toHex()), "threshold", equalTo(31), "results", hasSize(3),
                        "results[1].type", equalTo("sha256"), "results[1].matches[0].id", equalTo(shaId),
                        "results[2].matches[0].id", equalTo(pdqId), "results[2].matches[0].distance", equalTo(0));

        byte[] turned = Images.png(Images.rotate90(original));
        JsonPath plain = as(matcher).contentType(ContentType.BINARY).body(turned).post("/api/v1/match/file").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(plain.getList("results[2].matches").isEmpty(), "a rotated copy is far from the original hash");
        as(matcher).multiPart("file", "turned.png", turned, "image/png").queryParam("dihedral", true)
                .post("/api/v1/match/file").then().statusCode(200)
                .body("results", hasSize(10), "results.findAll { it.matches.size() > 0 }.variant", hasItem("rotate270"),
                        "results.find { it.variant == 'rotate270' }.matches[0].id", equalTo(pdqId));

        problem(as(matcher).contentType(ContentType.BINARY).queryParam("threshold", 40).body(png)
                .post("/api/v1/match/file").then(), 400);
        problem(json(matcher, Map.of()).post("/api/v1/match/file").then(), 415);
    }

    private static InputStream zeros(long n) {
        return new InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 0);
                left -= k;
                return k;
            }
        };
    }
}
