package org.christchurchcall.hashmatch.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.christchurchcall.hashmatch.index.BruteForceIndex;
import org.christchurchcall.hashmatch.index.HashIndex;
import org.christchurchcall.hashmatch.index.Match;
import org.christchurchcall.hashmatch.index.PdqIndex;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.video.VideoIndex.FrameHit;
import org.christchurchcall.hashmatch.video.VideoIndex.MatchParams;
import org.christchurchcall.hashmatch.video.VideoIndex.TimeRange;
import org.christchurchcall.hashmatch.video.VideoIndex.VideoMatch;
import org.christchurchcall.hashmatch.video.VpdqRules.Rule;
import org.christchurchcall.hashmatch.video.VpdqRules.Score;
import org.junit.jupiter.api.Test;

class VideoIndexTest {

    private static final MatchParams ANY = new MatchParams(31, 50, 0, 0);

    static List<List<VpdqFrame>> allSampleFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(VpdqData.dir().resolve("sample-hashes"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<List<VpdqFrame>> out = new ArrayList<>();
        for (Path p : files) {
            out.add(VpdqLines.parse(VpdqData.read(p)));
        }
        return out;
    }

    /**
     * Every sample file (native and 128x128) as a record, every file and the first and last
     * thirds of every file as a query: each record's percentages from the index equal the
     * brute-force HMA rule's, at several thresholds, on the fresh index and after compaction.
     */
    @Test
    void matchGivesExactlyTheBruteForceHmaPercentagesOnTheSampleFiles() throws IOException {
        List<List<VpdqFrame>> files = allSampleFiles();
        assertEquals(31, files.size());
        List<List<VpdqFrame>> queries = new ArrayList<>();
        for (List<VpdqFrame> f : files) {
            queries.add(f);
            queries.add(f.subList(0, f.size() / 3));
            queries.add(f.subList(2 * f.size() / 3, f.size()));
        }
        try (PdqIndex pdq = new PdqIndex()) {
            VideoIndex videos = new VideoIndex(pdq);
            long frames = 0;
            for (int r = 0; r < files.size(); r++) {
                videos.put(r + 1, files.get(r));
                frames += VideoIndex.indexable(files.get(r), 50).size();
            }
            assertEquals(frames, videos.frameCount());
            assertEquals(frames, pdq.size());
            int[] distances = {0, 31, 50};
            Score[][][] truth = new Score[distances.length][queries.size()][files.size()];
            int compared = 0;
            for (int k = 0; k < distances.length; k++) {
                for (int i = 0; i < queries.size(); i++) {
                    for (int r = 0; r < files.size(); r++) {
                        truth[k][i][r] = VpdqRules.compare(queries.get(i), files.get(r), distances[k], 50, Rule.HMA);
                        compared += truth[k][i][r].queryPercent() > 0 ? 1 : 0;
                    }
                }
            }
            for (boolean compacted : new boolean[] {false, true}) {
                if (compacted) {
                    pdq.compact();
                }
                for (int k = 0; k < distances.length; k++) {
                    for (int i = 0; i < queries.size(); i++) {
                        checkAgainstBruteForce(videos, queries.get(i), distances[k], truth[k][i]);
                    }
                }
            }
            assertTrue(compared > 1000, "non-zero pairs: " + compared);
        }
    }

    /**
     * Synthetic videos with what the sample files lack: a random walk of frames with repeated
     * hashes (a still scene), where the first copy of a hash often has a low quality and a later
     * copy a high one, and qualities across the whole range. Percentages equal the brute force's.
     */
    @Test
    void matchGivesExactlyTheBruteForceHmaPercentagesWithRepeatsAndPoorFrames() {
        SplittableRandom rnd = new SplittableRandom(77);
        List<List<VpdqFrame>> videos = new ArrayList<>();
        for (int v = 0; v < 40; v++) {
            videos.add(walk(rnd, 40 + rnd.nextInt(80)));
        }
        List<List<VpdqFrame>> queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            List<VpdqFrame> src = videos.get(rnd.nextInt(videos.size()));
            int from = rnd.nextInt(src.size() / 2);
            List<VpdqFrame> q = new ArrayList<>();
            for (VpdqFrame f : src.subList(from, from + 10 + rnd.nextInt(src.size() / 2 - 9))) {
                q.add(new VpdqFrame(f.frameNumber(), rnd.nextInt(101), TestFrames.flip(f.hash(), rnd.nextInt(36), rnd.nextLong()),
                        f.timestamp()));
            }
            queries.add(q);
        }
        queries.add(walk(rnd, 50));
        VideoIndex index = new VideoIndex(new PdqIndex());
        for (int r = 0; r < videos.size(); r++) {
            index.put(r + 1, videos.get(r));
        }
        int nonZero = 0;
        for (List<VpdqFrame> q : queries) {
            Score[] truth = new Score[videos.size()];
            for (int r = 0; r < videos.size(); r++) {
                truth[r] = VpdqRules.compare(q, videos.get(r), 31, 50, Rule.HMA);
                nonZero += truth[r].queryPercent() > 0 ? 1 : 0;
            }
            checkAgainstBruteForce(index, q, 31, truth);
        }
        assertTrue(nonZero >= 60, "non-zero pairs: " + nonZero);
    }

    /** Frames that drift a few bits at a time, with runs of an unchanged hash and random qualities. */
    private static List<VpdqFrame> walk(SplittableRandom rnd, int n) {
        List<VpdqFrame> out = new ArrayList<>();
        PdqHash h = TestFrames.random(rnd.nextLong());
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(3) == 0) {
                h = TestFrames.flip(h, 1 + rnd.nextInt(6), rnd.nextLong());
            }
            out.add(new VpdqFrame(i, rnd.nextInt(3) == 0 ? rnd.nextInt(50) : 50 + rnd.nextInt(51), h,
                    VpdqFrame.timestampOf(i, 30)));
        }
        return out;
    }

    private static void checkAgainstBruteForce(VideoIndex videos, List<VpdqFrame> q, int d, Score[] truth) {
        Map<Long, VideoMatch> found = new HashMap<>();
        for (VideoMatch m : videos.match(q, new MatchParams(d, 50, 0, 0))) {
            found.put(m.seqId(), m);
        }
        List<Long> atDefaults = videos.match(q, new MatchParams(d, 50, 80, 0)).stream()
                .map(VideoMatch::seqId).sorted().toList();
        List<Long> expectedAtDefaults = new ArrayList<>();
        for (int r = 0; r < truth.length; r++) {
            Score s = truth[r];
            VideoMatch m = found.get(r + 1L);
            String where = "record " + (r + 1) + " at distance " + d;
            if (s.queryPercent() == 0) {
                assertEquals(null, m, where);
                continue;
            }
            assertEquals(s.queryPercent(), m.queryPercent(), where);
            assertEquals(s.targetPercent(), m.targetPercent(), where);
            if (s.queryPercent() >= 80) {
                expectedAtDefaults.add(r + 1L);
            }
        }
        assertEquals(expectedAtDefaults, atDefaults);
    }

    @Test
    void aClipOfAVideoMatchesItWithItsShareAndWhereItIs() {
        VideoIndex videos = new VideoIndex(new PdqIndex());
        List<VpdqFrame> video = TestFrames.video(1, 300);
        videos.put(10, video);
        videos.put(11, TestFrames.video(2, 300));
        // frames 60..119 (2.000 s to 3.967 s), each 12 bits off
        List<VpdqFrame> clip = TestFrames.clip(video, 60, 120, 12);
        List<VideoMatch> ms = videos.match(clip, MatchParams.defaults());
        assertEquals(1, ms.size());
        VideoMatch m = ms.get(0);
        assertEquals(10, m.seqId());
        assertEquals(100.0, m.queryPercent());
        assertEquals(20.0, m.targetPercent());
        assertEquals(12, m.minDistance());
        assertEquals(List.of(new TimeRange(0.0, 1.967)), m.queryRanges());
        assertEquals(List.of(new TimeRange(2.0, 3.967)), m.targetRanges());
        // the same clip with the distance threshold below the noise finds nothing
        assertEquals(List.of(), videos.match(clip, new MatchParams(11, 50, 0, 0)));
    }

    @Test
    void oneUnmatchedFrameKeepsARangeWholeAndTwoSplitIt() {
        VideoIndex videos = new VideoIndex(new BruteForceIndex());
        List<VpdqFrame> video = TestFrames.video(3, 300);
        videos.put(1, video);
        List<VpdqFrame> q = new ArrayList<>(TestFrames.clip(video, 0, 90, 4));
        // query frame 10 replaced by an unrelated frame (one gap), 50 and 51 too (a gap of two)
        List<VpdqFrame> noise = TestFrames.video(4, 90);
        for (int i : new int[] {10, 50, 51}) {
            q.set(i, noise.get(i));
        }
        VideoMatch m = videos.match(q, MatchParams.defaults()).get(0);
        assertEquals(100.0 * 87 / 90, m.queryPercent());
        assertEquals(List.of(new TimeRange(0.0, 1.633), new TimeRange(1.733, 2.967)), m.queryRanges());
        assertEquals(List.of(new TimeRange(0.0, 1.633), new TimeRange(1.733, 2.967)), m.targetRanges());
        // two clips of one video, far apart: two target ranges
        List<VpdqFrame> two = new ArrayList<>(TestFrames.clip(video, 30, 60, 4));
        for (VpdqFrame f : TestFrames.clip(video, 240, 270, 4)) {
            two.add(new VpdqFrame(f.frameNumber() + 30, f.quality(), f.hash(), VpdqFrame.timestampOf(f.frameNumber() + 30, 30)));
        }
        m = videos.match(two, MatchParams.defaults()).get(0);
        assertEquals(List.of(new TimeRange(0.0, 1.967)), m.queryRanges());
        assertEquals(List.of(new TimeRange(1.0, 1.967), new TimeRange(8.0, 8.967)), m.targetRanges());
    }

    @Test
    void thresholdsFilterAndTheOrderIsByQueryShareThenId() {
        VideoIndex videos = new VideoIndex(new PdqIndex());
        List<VpdqFrame> video = TestFrames.video(5, 100);
        videos.put(3, video);                          // the whole video
        videos.put(2, video.subList(0, 50));           // its first half
        videos.put(1, video.subList(0, 50));           // the same again
        videos.put(4, TestFrames.video(6, 100));       // unrelated
        List<VpdqFrame> q = TestFrames.clip(video, 0, 100, 3);
        List<VideoMatch> all = videos.match(q, ANY);
        assertEquals(List.of(3L, 1L, 2L), all.stream().map(VideoMatch::seqId).toList());
        assertEquals(List.of(100.0, 50.0, 50.0), all.stream().map(VideoMatch::queryPercent).toList());
        assertEquals(List.of(100.0, 100.0, 100.0), all.stream().map(VideoMatch::targetPercent).toList());
        assertEquals(List.of(3L), videos.match(q, MatchParams.defaults()).stream().map(VideoMatch::seqId).toList());
        // a short query: 100 % of it is in each, but only 10 % and 20 % of the records
        List<VpdqFrame> shortQ = TestFrames.clip(video, 0, 10, 3);
        assertEquals(List.of(1L, 2L), videos.match(shortQ, new MatchParams(31, 50, 80, 15)).stream()
                .map(VideoMatch::seqId).toList());
    }

    @Test
    void replacingAVideoStopsItsOldFramesMatchingAndRemovingStopsAll() {
        PdqIndex pdq = new PdqIndex();
        VideoIndex videos = new VideoIndex(pdq);
        List<VpdqFrame> a = TestFrames.video(7, 120);
        List<VpdqFrame> b = TestFrames.video(8, 80);
        videos.put(5, a);
        assertEquals(120, videos.frameCount());
        assertEquals(1, videos.match(TestFrames.clip(a, 100, 120, 5), MatchParams.defaults()).size());

        videos.put(5, b);
        assertEquals(80, videos.frameCount());
        assertEquals(80, pdq.size());
        assertFalse(pdq.contains(VideoFrameIds.encode(5, 80)));
        assertTrue(pdq.contains(VideoFrameIds.encode(5, 79)));
        // neither the overwritten frames (0..79) nor the removed ones (80..119) of a match any more
        assertEquals(List.of(), videos.match(TestFrames.clip(a, 0, 120, 5), ANY));
        VideoMatch m = videos.match(TestFrames.clip(b, 0, 80, 5), MatchParams.defaults()).get(0);
        assertEquals(5, m.seqId());
        assertEquals(100.0, m.targetPercent());

        assertTrue(videos.remove(5));
        assertFalse(videos.remove(5));
        assertFalse(videos.contains(5));
        assertEquals(0, videos.frameCount());
        assertEquals(0, pdq.size());
        assertEquals(List.of(), videos.match(TestFrames.clip(b, 0, 80, 5), ANY));
    }

    @Test
    void aVideoQueryFindsAnImageAndAnImageFindsTheVideosFrame() {
        PdqIndex pdq = new PdqIndex();
        VideoIndex videos = new VideoIndex(pdq);
        List<VpdqFrame> video = TestFrames.video(9, 150);
        videos.put(77, video);
        // the image is frame 90 of the video (3.000 s), 6 bits off, stored under its positive id
        PdqHash image = TestFrames.flip(video.get(90).hash(), 6, 99);
        pdq.put(42, image.words());
        pdq.put(43, TestFrames.random(100).words());

        List<VpdqFrame> q = TestFrames.clip(video, 80, 100, 4);
        assertEquals(List.of(new Match(42, image.distance(q.get(10).hash()))), videos.imageHits(q, 31));
        // the image is not a frame of any video: the video match is unchanged by it
        VideoMatch m = videos.match(q, MatchParams.defaults()).get(0);
        assertEquals(77, m.seqId());
        assertEquals(100.0, m.queryPercent());

        assertEquals(List.of(new FrameHit(77, 6, 3.0)), videos.framesNear(image.words(), 31));
        assertEquals(List.of(), videos.framesNear(TestFrames.random(101).words(), 31));
    }

    @Test
    void anImageNearSeveralEquallyCloseFramesGetsTheEarliest() {
        VideoIndex videos = new VideoIndex(new BruteForceIndex());
        PdqHash still = TestFrames.random(11);
        List<VpdqFrame> video = new ArrayList<>(TestFrames.video(12, 60));
        // frames 20 and 40 are both 3 bits from the image, frame 50 is 1 bit away in another record
        video.set(20, new VpdqFrame(20, 90, TestFrames.flip(still, 3, 1), video.get(20).timestamp()));
        video.set(40, new VpdqFrame(40, 90, TestFrames.flip(still, 3, 2), video.get(40).timestamp()));
        videos.put(1, video);
        List<VpdqFrame> other = new ArrayList<>(TestFrames.video(13, 60));
        other.set(50, new VpdqFrame(50, 90, TestFrames.flip(still, 1, 3), other.get(50).timestamp()));
        videos.put(2, other);
        assertEquals(List.of(new FrameHit(2, 1, 1.667), new FrameHit(1, 3, 0.667)),
                videos.framesNear(still.words(), 31));
    }

    @Test
    void indexableDedupesByHashBeforeTheQualityFilterKeepingTheFirst() {
        PdqHash a = TestFrames.random(20);
        PdqHash b = TestFrames.random(21);
        VpdqFrame a0 = new VpdqFrame(0, 40, a, 0);
        VpdqFrame a1 = new VpdqFrame(1, 90, a, 0.033);
        VpdqFrame b2 = new VpdqFrame(2, 90, b, 0.067);
        VpdqFrame b3 = new VpdqFrame(3, 95, b, 0.1);
        assertEquals(List.of(b2), VideoIndex.indexable(List.of(a0, a1, b2, b3), 50));
        assertEquals(List.of(a1, b2), VideoIndex.indexable(List.of(a1, a0, b2, b3), 50));
        assertEquals(List.of(a0, b2), VideoIndex.indexable(List.of(a0, a1, b2, b3), 0));

        VideoIndex videos = new VideoIndex(new BruteForceIndex());
        videos.put(1, List.of(a0, a1, b2, b3));
        assertEquals(1, videos.frameCount());
        // a video with no indexable frame is known but matches nothing
        videos.put(2, List.of(new VpdqFrame(0, 10, TestFrames.random(22), 0)));
        assertTrue(videos.contains(2));
        assertEquals(1, videos.frameCount());
        assertEquals(List.of(), videos.match(List.of(new VpdqFrame(0, 90, a, 0)), MatchParams.defaults()));
    }

    @Test
    void badIdsAndParamsAreRefusedWithNothingWritten() {
        HashIndex idx = new BruteForceIndex();
        VideoIndex videos = new VideoIndex(idx);
        List<VpdqFrame> v = TestFrames.video(30, 10);
        assertThrows(IllegalArgumentException.class, () -> videos.put(0, v));
        assertThrows(IllegalArgumentException.class, () -> videos.put(1L << 43, v));
        assertEquals(0, idx.size());
        assertEquals(0, videos.size());
        assertThrows(IllegalArgumentException.class, () -> new MatchParams(257, 50, 80, 0));
        assertThrows(IllegalArgumentException.class, () -> new MatchParams(31, 101, 80, 0));
        assertThrows(IllegalArgumentException.class, () -> new MatchParams(31, 50, 100.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new MatchParams(31, 50, 80, Double.NaN));
        assertEquals(new MatchParams(31, 50, 80, 0), MatchParams.defaults());
    }

    /**
     * A writer swaps a record between two videos while readers match one of them: a reader sees
     * the record whole (100 % / 100 %) or not at all, never a mix of the two puts.
     */
    @Test
    void concurrentSearchesSeeAVideoEntirelyBeforeOrAfterAPut() throws Exception {
        PdqIndex pdq = new PdqIndex(new PdqIndex.Options(64, 2, 4, 256, true));
        VideoIndex videos = new VideoIndex(pdq);
        List<VpdqFrame> a = TestFrames.video(40, 200);
        List<VpdqFrame> b = TestFrames.video(41, 150);
        List<VpdqFrame> q = TestFrames.clip(a, 0, 200, 2);
        videos.put(9, a);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> wrong = new AtomicReference<>();
        AtomicInteger whole = new AtomicInteger();
        AtomicInteger none = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                while (!done.get() || whole.get() + none.get() < 20) {
                    List<VideoMatch> ms = videos.match(q, ANY);
                    if (ms.isEmpty()) {
                        none.incrementAndGet();
                    } else if (ms.size() == 1 && ms.get(0).queryPercent() == 100 && ms.get(0).targetPercent() == 100) {
                        whole.incrementAndGet();
                    } else {
                        wrong.compareAndSet(null, ms.toString());
                    }
                }
            });
            readers.add(th);
            th.start();
        }
        for (int i = 0; i < 300; i++) {
            videos.put(9, i % 2 == 0 ? b : a);
        }
        done.set(true);
        for (Thread th : readers) {
            th.join();
        }
        pdq.close();
        assertEquals(null, wrong.get());
        assertTrue(whole.get() + none.get() >= 20);
    }
}
