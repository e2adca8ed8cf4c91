package org.christchurchcall.hashmatch.match;

import static org.awaitility.Awaitility.await;
import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.flip;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.pdq;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.christchurchcall.hashmatch.support.Videos.vpdq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.index.Match;
import org.christchurchcall.hashmatch.index.PdqIndex;
import org.christchurchcall.hashmatch.match.service.IndexFollower;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.hashmatch.support.Videos;
import org.christchurchcall.hashmatch.video.VideoFrameIds;
import org.christchurchcall.hashmatch.video.VideoIndex;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A second replica on the same database: its own index and follower, loaded at its start-up and
 * polling the change log at the configured interval, exactly as IndexFollowerService does in each
 * replica. Writes go through this instance's REST API; the second replica must see them within
 * two seconds.
 *
 * <p>Why in-process rather than a second JVM from the packaged jar: on a 2-core machine shared by
 * parallel builds a second Quarkus process takes tens of seconds to start and competes for the
 * same cores, which makes a timing assertion flaky for reasons unrelated to the replica logic.
 * The replica's state that matters (index, log position, polling) is all in IndexFollower, which
 * runs here unchanged with its own connection and its own index.
 */
@QuarkusTest
class ReplicaFollowTest {

    @Inject
    DataSource dataSource;

    @Inject
    HashmatchConfig config;

    @Inject
    Db db;

    @Test
    void aSecondReplicaSeesANewHashWithinTwoSecondsAndDropsARetractedOne() throws Exception {
        Member company = Member.company();
        String before = hex(64);
        share(company.contributor(), pdq(before, 80, "image"));

        try (PdqIndex index = new PdqIndex()) {
            IndexFollower replica = new IndexFollower(dataSource, index);
            long loaded = replica.load();
            assertEquals(db.scalar("select count(*) from hash_record where type in ('pdq', 'vpdq') "
                    + "and status <> 'retracted'"), loaded);
            assertTrue(matches(index, before, 0));

            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
            long every = config.followInterval().toMillis();
            poller.scheduleWithFixedDelay(() -> {
                try {
                    replica.catchUp();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
            try {
                String value = hex(64);
                String id = share(company.contributor(), pdq(value, 80, "image"));
                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> matches(index, flip(value, 10), 31));

                as(company.contributor()).post("/api/v1/hashes/" + id + "/retraction").then().statusCode(200);
                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !matches(index, value, 31));
                assertTrue(matches(index, before, 0), "other hashes stay");
            } finally {
                poller.shutdownNow();
            }
        }
    }

    @Test
    void aSecondReplicaLoadsTheVideosAndFollowsTheirAdditionsAndRetractions() throws Exception {
        Member company = Member.company();
        List<VpdqFrame> loadedVideo = Videos.parsed("chair-22-with-small-logo-bar");
        String before = share(company.contributor(), vpdq(Videos.json(loadedVideo), "video"));
        long beforeSeq = seqId(before);

        try (PdqIndex index = new PdqIndex()) {
            IndexFollower replica = new IndexFollower(dataSource, index);
            replica.load();
            assertEquals(db.scalar("select count(*) from hash_record where type = 'vpdq' and status <> 'retracted'"),
                    (long) replica.videos().size());
            assertTrue(matchedBy(replica, loadedVideo).contains(beforeSeq));

            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
            long every = config.followInterval().toMillis();
            poller.scheduleWithFixedDelay(() -> {
                try {
                    replica.catchUp();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
            try {
                List<VpdqFrame> video = Videos.parsed("pattern-sd-with-large-logo-bar");
                String id = share(company.contributor(), vpdq(Videos.json(video), "video"));
                long seq = seqId(id);
                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> matchedBy(replica, video).contains(seq));
                // its frames are in the shared index under frame ids, never under the record's own id
                assertFalse(index.contains(seq));
                assertTrue(index.contains(VideoFrameIds.encode(seq, 0)));

                as(company.contributor()).post("/api/v1/hashes/" + id + "/retraction").then().statusCode(200);
                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !matchedBy(replica, video).contains(seq));
                assertFalse(index.contains(VideoFrameIds.encode(seq, 0)));
                assertTrue(matchedBy(replica, loadedVideo).contains(beforeSeq), "other videos stay");
            } finally {
                poller.shutdownNow();
            }
        }
    }

    private long seqId(String id) {
        return db.scalar("select seq_id from hash_record where id = ?", java.util.UUID.fromString(id));
    }

    private static List<Long> matchedBy(IndexFollower replica, List<VpdqFrame> query) {
        return replica.videos().match(query, VideoIndex.MatchParams.defaults()).stream().map(VideoIndex.VideoMatch::seqId)
                .toList();
    }

    private static boolean matches(PdqIndex index, String hex, int distance) {
        List<Match> m = index.search(PdqHash.fromHex(hex).words(), distance);
        return !m.isEmpty();
    }
}
