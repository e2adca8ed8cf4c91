package org.christchurchcall.hashmatch.hash;

import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.pdq;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The documented bulk limit (10,000 items) at its full size, against a table that already holds
 * over 100,000 records, some of them this contributor's own: the duplicate lookup must find them
 * among the rest. Before the lookup took one array parameter, 8,193 items or more ran for a minute
 * and failed with a 500.
 */
@QuarkusTest
class BulkSubmissionAtScaleTest {

    static final int LIMIT = 10_000;
    static final int ALREADY_SHARED = 2_000;

    @Inject
    Db db;

    final Member company = Member.company();

    @Test
    void theFullLimitIsStoredAndOneMoreIsRefused() {
        // a partner that has shared for a while: 100,000 of its own records among the others
        List<String> mine = db.seedRecordsOf(company.supporterId(), 100_000).subList(0, ALREADY_SHARED);
        assertTrue(db.count("hash_record") >= 100_000);
        List<Map<String, Object>> items = new ArrayList<>(LIMIT + 1);
        for (String value : mine) {
            items.add(pdq(value, 90, "recruitment"));
        }
        while (items.size() < LIMIT) {
            items.add(pdq(hex(64), 90, "recruitment"));
        }
        long before = db.count("hash_record");

        JsonPath answer = json(company.contributor(), Map.of("items", items)).post("/api/v1/hashes/bulk").then()
                .statusCode(200)
                .body("created", equalTo(LIMIT - ALREADY_SHARED), "existing", equalTo(ALREADY_SHARED),
                        "rejected", equalTo(0), "items", hasSize(LIMIT))
                .body("items.result.subList(0, " + ALREADY_SHARED + ")", everyItem(equalTo("existing")))
                .extract().jsonPath();
        assertEquals(before + LIMIT - ALREADY_SHARED, db.count("hash_record"));
        assertEquals(100_000 + LIMIT - ALREADY_SHARED,
                db.scalar("select count(*) from hash_record where contributor_id = ?", company.supporterId()));
        assertEquals("created", answer.getString("items[" + (LIMIT - 1) + "].result"));

        items.add(pdq(hex(64), 90, "recruitment"));
        String footprint = db.footprint();
        problem(json(company.contributor(), Map.of("items", items)).post("/api/v1/hashes/bulk").then(), 400)
                .body("errors[0].field", equalTo("items"));
        assertEquals(footprint, db.footprint());
    }
}
