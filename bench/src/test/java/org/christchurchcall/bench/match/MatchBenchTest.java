package org.christchurchcall.bench.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small run of the bench: every path's every round checked, and nothing wrong found. */
class MatchBenchTest {

    @Test
    void aSmallRunIsCorrectOnBothPathsAndBothStates() throws Exception {
        JsonNode r = new ObjectMapper().readTree(MatchBench.run(6_000, 200, 2, false, 31, 7, 2, 50, 2.0, 1.0));
        // the keys earlier runs printed are all still there
        for (String key : List.of("bench", "n", "queries", "threads", "clustered", "threshold", "qps", "p50_us",
                "p99_us", "recall", "false_matches", "bytes_per_hash", "build_s", "matches_per_query")) {
            assertTrue(r.has(key), key);
        }
        for (String path : List.of("", "written_raw_", "service_")) {
            assertEquals(1.0, r.get(path + "recall").asDouble(), path);
            assertEquals(0, r.get(path + "false_matches").asLong(), path);
            assertEquals(0, r.get(path + "duplicates").asLong(), path);
            assertEquals(0, r.get(path + "missing").asLong(), path);
        }
        // untimed rounds and both timed rounds
        assertEquals(4, r.get("checked_rounds").asInt());
        assertEquals(4, r.get("written_raw_checked_rounds").asInt());
        assertEquals(4, r.get("service_checked_rounds").asInt());
        assertEquals(120, r.get("added").asInt());
        assertEquals(6_000 + 120 - r.get("retracted").asInt(), r.get("size_after_writes").asInt());
        // two planted neighbours per query; after the writes, one more for the first 60 queries
        // and one fewer for the first 30
        assertTrue(r.get("matches_per_query").asDouble() >= 2.0);
        assertTrue(r.get("service_matches_per_query").asDouble() >= 2.0 + (60 - 30) / 200.0);
    }
}
