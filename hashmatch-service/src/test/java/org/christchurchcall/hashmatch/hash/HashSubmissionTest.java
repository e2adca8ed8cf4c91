package org.christchurchcall.hashmatch.hash;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.exact;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.pdq;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class HashSubmissionTest {

    @Inject
    Db db;

    final Member company = Member.company();

    @Test
    void sharingAHashCreatesItOnceAndNormalisesTheValue() {
        String value = hex(64);
        String location = json(company.contributor(), pdq(value.toUpperCase(), 87, "recruitment", "image"))
                .post("/api/v1/hashes").then().statusCode(201)
                .header("Location", notNullValue())
                .body("type", equalTo("pdq"), "value", equalTo(value), "quality", equalTo(87),
                        "labels", contains("image", "recruitment"), "status", equalTo("active"),
                        "contributorId", equalTo(company.supporterId().toString()), "version", equalTo(0))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        json(company.contributor(), pdq(value, 87, "recruitment", "image")).post("/api/v1/hashes").then()
                .statusCode(200).body("id", equalTo(id)).header("Location", endsWith("/api/v1/hashes/" + id));

        // another supporter sharing the same hash gets its own record
        Member other = Member.government();
        String second = share(other.contributor(), pdq(value, 87, "recruitment", "image"));
        org.junit.jupiter.api.Assertions.assertNotEquals(id, second);
    }

    @Test
    void exactHashesAreSharedWithoutQuality() {
        String md5 = hex(32);
        json(company.contributor(), exact("md5", md5, "video", "instruction")).post("/api/v1/hashes").then()
                .statusCode(201).body("type", equalTo("md5"), "value", equalTo(md5), "quality", nullValue());
        json(company.contributor(), exact("sha256", hex(64), "pdf", "isil-da-esh", "un-sc-consolidated-list"))
                .post("/api/v1/hashes").then().statusCode(201).body("type", equalTo("sha256"));
    }

    @Test
    void onlyTheSecretariatAndTheContributorSeeWhoSharedAHash() {
        String id = share(company.contributor(), pdq(hex(64), 90, "image"));
        as(company.contributor()).get("/api/v1/hashes/" + id).then().statusCode(200)
                .body("contributorId", equalTo(company.supporterId().toString()));
        as(TestTokens.secretariat()).get("/api/v1/hashes/" + id).then().statusCode(200)
                .body("contributorId", equalTo(company.supporterId().toString()));
        as(Member.government().matcher()).get("/api/v1/hashes/" + id).then().statusCode(200)
                .body("contributorId", nullValue(), "id", equalTo(id));
        problem(as(company.contributor()).get("/api/v1/hashes/" + UUID.randomUUID()).then(), 404);
    }

    static Stream<Arguments> refusedSubmissions() {
        String pdq = hex(64);
        return Stream.of(
                Arguments.of("unknown type", Map.of("type", "tmk", "value", pdq, "labels", List.of("image")), 400, "type"),
                Arguments.of("missing type", Map.of("value", pdq, "labels", List.of("image")), 400, "type"),
                Arguments.of("short pdq", pdq(pdq.substring(1), 80, "image"), 400, "value"),
                Arguments.of("non-hex pdq", pdq("z" + pdq.substring(1), 80, "image"), 400, "value"),
                Arguments.of("md5 of sha256 length", exact("md5", hex(64), "image"), 400, "value"),
                Arguments.of("sha256 of md5 length", exact("sha256", hex(32), "image"), 400, "value"),
                Arguments.of("no labels", Map.of("type", "pdq", "value", pdq, "quality", 80, "labels", List.of()), 400,
                        "labels"),
                Arguments.of("unknown label", pdq(pdq, 80, "image", "cats"), 400, "labels"),
                Arguments.of("pdq without quality", Map.of("type", "pdq", "value", pdq, "labels", List.of("image")), 400,
                        "quality"),
                Arguments.of("quality above 100", pdq(pdq, 101, "image"), 400, "quality"),
                Arguments.of("quality on md5", Map.of("type", "md5", "value", hex(32), "quality", 80, "labels",
                        List.of("image")), 400, "quality"),
                Arguments.of("confidence above 100", Map.of("type", "md5", "value", hex(32), "confidence", 101,
                        "labels", List.of("image")), 400, "confidence"),
                Arguments.of("low quality", pdq(pdq, 49, "image"), 422, "quality"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSubmissions")
    void refusedSubmissionsStoreNothing(String name, Map<String, Object> body, int status, String field) {
        String before = db.footprint();
        problem(json(company.contributor(), body).post("/api/v1/hashes").then(), status)
                .body("errors[0].field", equalTo(field), "detail", notNullValue());
        assertEquals(before, db.footprint());
    }

    @Test
    void malformedBodiesAreProblems() {
        String before = db.footprint();
        problem(as(company.contributor()).contentType(ContentType.JSON).body("{\"type\":").post("/api/v1/hashes").then(),
                400);
        problem(as(company.contributor()).contentType(ContentType.JSON)
                .body("{\"type\":\"md5\",\"value\":\"" + hex(32) + "\",\"labels\":[\"image\"],\"incidentId\":\"nope\"}")
                .post("/api/v1/hashes").then(), 400);
        problem(as(company.contributor()).contentType(ContentType.JSON).post("/api/v1/hashes").then(), 400);
        problem(as(company.contributor()).contentType(ContentType.TEXT).body("x").post("/api/v1/hashes").then(), 415);
        assertEquals(before, db.footprint());
    }

    @Test
    void aContributorTokenWithoutASupporterIsForbidden() {
        String before = db.footprint();
        problem(json(TestTokens.withRoles(Roles.HASH_CONTRIBUTOR), pdq(hex(64), 80, "image")).post("/api/v1/hashes")
                .then(), 403);
        assertEquals(before, db.footprint());
    }

    @Test
    void bulkSubmissionSaysWhatHappenedToEachItem() {
        String existing = hex(64);
        String existingId = share(company.contributor(), pdq(existing, 80, "image"));
        String fresh = hex(32);
        List<Map<String, Object>> items = List.of(
                pdq(existing, 80, "image"),
                exact("md5", fresh, "video"),
                pdq(hex(64), 20, "image"),
                exact("md5", fresh, "video"),
                Map.of("type", "crc32", "value", "abcd", "labels", List.of("image")));
        long before = db.count("hash_record");
        json(company.contributor(), Map.of("items", items)).post("/api/v1/hashes/bulk").then().statusCode(200)
                .body("created", equalTo(1), "existing", equalTo(2), "rejected", equalTo(2),
                        "items.result", contains("existing", "created", "rejected", "existing", "rejected"),
                        "items[0].id", equalTo(existingId), "items[2].reason", notNullValue(),
                        "items[4].reason", notNullValue());
        assertEquals(before + 1, db.count("hash_record"));
    }

    @Test
    void bulkOfTenThousandIsAcceptedAndMoreIsRefused() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            items.add(exact("sha256", hex(64), "image"));
        }
        long before = db.count("hash_record");
        json(company.contributor(), Map.of("items", items)).post("/api/v1/hashes/bulk").then().statusCode(200)
                .body("created", equalTo(10_000));
        assertEquals(before + 10_000, db.count("hash_record"));

        items.add(exact("sha256", hex(64), "image"));
        String footprint = db.footprint();
        problem(json(company.contributor(), Map.of("items", items)).post("/api/v1/hashes/bulk").then(), 400)
                .body("errors[0].field", equalTo("items"));
        problem(json(company.contributor(), Map.of("items", List.of())).post("/api/v1/hashes/bulk").then(), 400);
        assertEquals(footprint, db.footprint());
    }

    @Test
    void incidentHashesAreListedAndCounted() {
        UUID incident = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(share(company.contributor(), pdq(hex(64), 70, incident)));
        }
        Map<String, Object> md5 = new HashMap<>(exact("md5", hex(32), "video"));
        md5.put("incidentId", incident.toString());
        ids.add(share(company.contributor(), md5));
        share(company.contributor(), pdq(hex(64), 70, UUID.randomUUID()));
        as(company.contributor()).post("/api/v1/hashes/" + ids.get(0) + "/retraction").then().statusCode(200)
                .body("status", equalTo("retracted"));

        String token = TestTokens.withRoles(Roles.SERVICE);
        String cursor = as(token).queryParam("incidentId", incident).queryParam("limit", 3).get("/api/v1/hashes").then()
                .statusCode(200).body("items", hasSize(3), "items[0].id", equalTo(ids.get(0)),
                        "items[0].contributorId", nullValue(), "next", notNullValue())
                .extract().path("nextCursor");
        as(token).queryParam("incidentId", incident).queryParam("limit", 3).queryParam("cursor", cursor)
                .get("/api/v1/hashes").then().statusCode(200)
                .body("items.id", contains(ids.get(3)), "nextCursor", nullValue(), "next", nullValue());
        problem(as(token).queryParam("cursor", "!!").get("/api/v1/hashes").then(), 400);
        problem(as(token).queryParam("limit", 501).get("/api/v1/hashes").then(), 400);

        for (String reader : List.of(token, TestTokens.secretariat(), TestTokens.withRoles(Roles.AUDITOR))) {
            as(reader).queryParam("incidentId", incident).get("/api/v1/hashes/counts").then().statusCode(200)
                    .body("incidentId", equalTo(incident.toString()), "total", equalTo(4), "active", equalTo(3),
                            "retracted", equalTo(1), "byType.pdq", equalTo(3), "byType.md5", equalTo(1),
                            "byType.sha256", equalTo(0));
        }
        problem(as(token).get("/api/v1/hashes/counts").then(), 400);
        problem(as(token).queryParam("incidentId", "x").get("/api/v1/hashes/counts").then(), 400);
    }

    @Test
    void onlyTheContributorOrTheSecretariatRetracts() {
        String id = share(company.contributor(), pdq(hex(64), 80, "image"));
        String footprint = db.footprint();
        problem(as(Member.company().contributor()).post("/api/v1/hashes/" + id + "/retraction").then(), 404);
        assertEquals(footprint, db.footprint());
        as(TestTokens.secretariat()).post("/api/v1/hashes/" + id + "/retraction").then().statusCode(200)
                .body("status", equalTo("retracted"));
        problem(as(company.contributor()).post("/api/v1/hashes/" + id + "/retraction").then(), 409);
    }

    @Test
    void theTaxonomyIsListed() {
        as(Member.company().matcher()).get("/api/v1/labels").then().statusCode(200)
                .body("items.find { it.code == 'isil-da-esh' }.listSource", equalTo("un-sc-consolidated-list"),
                        "items.findAll { it.kind == 'behaviour' }", hasSize(5),
                        "items.findAll { it.kind == 'content-type' }", hasSize(6));
    }
}
