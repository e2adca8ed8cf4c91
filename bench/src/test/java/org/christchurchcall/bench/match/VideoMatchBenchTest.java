package org.christchurchcall.bench.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.christchurchcall.hashmatch.video.VideoIndex.MatchParams;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small run of the video bench: the index agrees with the brute force, and a broken matcher is caught. */
class VideoMatchBenchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSmallRunFindsEveryBruteForceMatchWithEqualPercentages() throws Exception {
        JsonNode r = JSON.readTree(VideoMatchBench.run(200, 120, 60, 60, 20, 30, 2, 7, VideoMatchBench.INDEX));
        for (String key : List.of("bench", "videos", "frames_per_video", "indexed_frames", "queries", "qps", "p50_ms",
                "p90_ms", "p99_ms", "max_ms", "recall", "false_matches", "percent_mismatches", "heap_bytes_per_frame",
                "accounted_bytes_per_frame", "build_s")) {
            assertTrue(r.has(key), key);
        }
        assertEquals("match-video", r.get("bench").asText());
        // every clip is from a video: the brute force has matches to find, and the index finds them all
        assertTrue(r.get("brute_matches").asInt() >= 20, r.toString());
        assertEquals(1.0, r.get("recall").asDouble(), r.toString());
        assertEquals(0, r.get("false_matches").asInt(), r.toString());
        assertEquals(0, r.get("percent_mismatches").asInt(), r.toString());
        assertEquals(r.get("related_queries").asInt(), r.get("source_found").asInt(), r.toString());
        assertEquals(0, r.get("unrelated_matched").asInt(), r.toString());
        // repeated frames (0 bits flipped) are indexed once
        long indexed = r.get("indexed_frames").asLong();
        assertTrue(indexed < 200 * 120 && indexed > 200 * 120 * 3 / 4, r.toString());
    }

    @Test
    void aMatcherThatMissesMatchesOrMisstatesPercentagesIsCaught() throws Exception {
        // a distance of 15 misses the frames with more noise: clips fall under 80 %
        VideoMatchBench.Matcher tooStrict = (index, q, p) -> index.match(q,
                new MatchParams(15, p.minQuality(), p.minQueryPercent(), p.minTargetPercent()));
        JsonNode r = JSON.readTree(VideoMatchBench.run(200, 120, 40, 60, 0, 20, 1, 7, tooStrict));
        assertTrue(r.get("recall").asDouble() < 0.5, r.toString());
        assertTrue(r.get("percent_mismatches").asInt() > 0, r.toString());

        // right videos, wrong shares: only every other query frame searched
        VideoMatchBench.Matcher sampled = (index, q, p) -> index.match(
                java.util.stream.IntStream.range(0, q.size()).filter(i -> i % 2 == 0).mapToObj(q::get).toList(), p);
        r = JSON.readTree(VideoMatchBench.run(200, 120, 40, 60, 0, 20, 1, 7, sampled));
        assertEquals(1.0, r.get("recall").asDouble(), r.toString());
        assertTrue(r.get("percent_mismatches").asInt() >= 10, r.toString());
    }
}
