package org.christchurchcall.hashmatch.feed;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.drain;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.pdq;
import static org.christchurchcall.hashmatch.support.Api.problem;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChangeFeedTest {

    @Inject
    DataSource dataSource;

    final Member company = Member.company();

    @Test
    void replayingTheFeedFromTheStartYieldsExactlyTheRecordsNotRetracted() throws SQLException {
        String a = share(company.contributor(), pdq(hex(64), 80, "image"));
        String b = share(company.contributor(), pdq(hex(64), 80, "recruitment"));
        as(company.contributor()).post("/api/v1/hashes/" + b + "/retraction").then().statusCode(200);

        List<Map<String, Object>> entries = new ArrayList<>();
        drain(TestTokens.secretariat(), null, 37, entries);
        Map<String, String> replayed = new HashMap<>();
        for (Map<String, Object> e : entries) {
            String id = (String) e.get("id");
            if ("retracted".equals(e.get("change"))) {
                replayed.remove(id);
            } else {
                replayed.put(id, e.get("status") + " " + e.get("labels"));
            }
        }
        Map<String, String> live = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, status, labels from hash_record where status <> 'retracted'")) {
            while (rs.next()) {
                live.put(rs.getString(1), rs.getString(2) + " " + Arrays.asList((String[]) rs.getArray(3).getArray()));
            }
        }
        assertEquals(live, replayed);
        assertTrue(replayed.containsKey(a));
        assertTrue(entries.stream().anyMatch(e -> b.equals(e.get("id")) && "retracted".equals(e.get("change"))));
    }

    @Test
    void aRetractionIsInTheFeedAndContributorsAreHiddenFromOthers() {
        String start = drain(TestTokens.secretariat(), null, 500, new ArrayList<>());
        String id = share(company.contributor(), pdq(hex(64), 80, "image"));
        as(TestTokens.secretariat()).post("/api/v1/hashes/" + id + "/retraction").then().statusCode(200);

        String matcher = Member.government().matcher();
        as(matcher).queryParam("after", start).get("/api/v1/hashes/changes").then().statusCode(200)
                .body("items.size()", equalTo(2), "items[0].change", equalTo("added"), "items[0].id", equalTo(id),
                        "items[0].status", equalTo("active"), "items[0].contributorId", equalTo(null),
                        "items[1].change", equalTo("retracted"), "items[1].status", equalTo("retracted"),
                        "hasMore", equalTo(false));
        as(company.contributor()).queryParam("after", start).get("/api/v1/hashes/changes").then().statusCode(200)
                .body("items[0].contributorId", equalTo(company.supporterId().toString()));
        // at the end the cursor stays where it is, ready for the next poll
        String end = as(matcher).queryParam("after", start).get("/api/v1/hashes/changes").then().extract()
                .path("nextCursor");
        as(matcher).queryParam("after", end).get("/api/v1/hashes/changes").then().statusCode(200)
                .body("items.size()", equalTo(0), "nextCursor", equalTo(end), "hasMore", equalTo(false));
    }

    @Test
    void aReaderFollowingConcurrentWritersMissesNothing() throws Exception {
        String token = TestTokens.secretariat();
        String start = drain(token, null, 500, new ArrayList<>());
        int writers = 4;
        int perWriter = 20;
        Set<String> written = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                Member m = Member.company();
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        written.add(share(m.contributor(), pdq(hex(64), 80, "image")));
                    }
                }));
            }
            // follow the feed in small pages while the writers commit in an order of their own
            Set<String> read = new HashSet<>();
            String cursor = start;
            while (futures.stream().anyMatch(f -> !f.isDone())) {
                List<Map<String, Object>> page = new ArrayList<>();
                cursor = drain(token, cursor, 3, page);
                page.forEach(e -> read.add((String) e.get("id")));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            List<Map<String, Object>> rest = new ArrayList<>();
            drain(token, cursor, 3, rest);
            rest.forEach(e -> read.add((String) e.get("id")));
            assertEquals(writers * perWriter, written.size());
            assertEquals(written, read);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badFeedParametersAreProblems() {
        String token = Member.company().matcher();
        problem(as(token).queryParam("after", "not-a-cursor!").get("/api/v1/hashes/changes").then(), 400);
        problem(as(token).queryParam("limit", 0).get("/api/v1/hashes/changes").then(), 400);
        problem(as(token).queryParam("limit", 1001).get("/api/v1/hashes/changes").then(), 400);
        problem(as(token).queryParam("limit", "x").get("/api/v1/hashes/changes").then(), 400);
    }
}
