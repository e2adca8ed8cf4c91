package org.christchurchcall.hashmatch.match.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.christchurchcall.hashmatch.hash.HashStatus;
import org.christchurchcall.hashmatch.hash.HashType;
import org.christchurchcall.hashmatch.config.HashmatchConfig;
import org.christchurchcall.hashmatch.index.Match;
import org.christchurchcall.hashmatch.match.service.IndexFollowerService.ImageHit;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.video.VideoIndex.FrameHit;
import org.christchurchcall.hashmatch.video.VideoIndex.MatchParams;
import org.christchurchcall.hashmatch.video.VideoIndex.TimeRange;
import org.christchurchcall.hashmatch.video.VideoIndex.VideoMatch;
import org.christchurchcall.hashmatch.video.VpdqFrame;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answers hash queries: PDQ by Hamming distance through this replica's index, MD5, SHA-256 and
 * video MD5 exactly through the database's (type, value) index, and vPDQ (a video's frames) by
 * the share of frames that match, through the same index, which holds images and video frames.
 * A pdq query also finds the videos with a frame near it; a vpdq query also finds the images near
 * its frames. Hits are described from the database in one query per request, which also drops a
 * record retracted after the index last caught up.
 */
@ApplicationScoped
public class MatchService {

    /**
     * A query in canonical form; {@code variant} names the dihedral transform it came from, if any;
     * {@code frames} are a vpdq query's frames (its value is their digest).
     */
    public record Query(HashType type, String value, String variant, List<VpdqFrame> frames) {
        public Query(HashType type, String value, String variant) {
            this(type, value, variant, null);
        }
    }

    /** The thresholds of a video match: shares (%) of the query's and of the stored video's frames that match. */
    public record VideoThresholds(double minQueryPercent, double minCandidatePercent) {
    }

    /** What one query found: records of single hashes (images, files) and videos. */
    public record QueryHits(List<Hit> matches, List<VideoHit> videos) {
    }

    /** A span of a video in seconds, from the first to the last matched frame of a run. */
    public record Range(@Schema(description = "seconds", example = "0.0") double start,
            @Schema(description = "seconds", example = "18.767") double end) {
        static List<Range> of(List<TimeRange> ranges) {
            return ranges.stream().map(r -> new Range(r.start(), r.end())).toList();
        }
    }

    /**
     * One matching video record, never its contributor. For a vpdq query: the shares of frames that
     * match both ways and where they are; for a pdq query: the nearest frame's timestamp.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VideoHit(@Schema(example = "6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60") UUID id,
            @Schema(enumeration = { "vpdq" }, example = "vpdq") HashType type,
            @Schema(description = "the SHA-256 of the video's frames",
                    example = "0c4f6e2b9d8a7c6b5a493827161504f3e2d1c0b9a8f7e6d5c4b3a29180706f5e") String value,
            @Schema(example = "[\"graphic-violence-against-defenceless-people\", \"video\"]") List<String> labels,
            UUID incidentId,
            @Schema(description = "disputed records match too", enumeration = { "active", "disputed" },
                    example = "active") HashStatus status,
            @Schema(description = "the stored video's frames", example = "564") Integer frameCount,
            @Schema(description = "the stored video's last timestamp, in seconds", example = "18.767") Double duration,
            @Schema(description = "the smallest Hamming distance between a query frame (or the image) and a frame of "
                    + "the video", minimum = "0", maximum = "31", example = "0") int distance,
            @Schema(description = "vpdq queries: share (%) of the query's frames (quality 50 or more, unique hashes) "
                    + "near a frame of this video", example = "92.76") Double queryPercent,
            @Schema(description = "vpdq queries: share (%) of this video's frames (quality 50 or more, unique "
                    + "hashes) near a frame of the query", example = "100.0") Double candidatePercent,
            @Schema(description = "vpdq queries: where in the query the matching frames are") List<Range> queryRanges,
            @Schema(description = "vpdq queries: where in this video the matching frames are") List<Range> candidateRanges,
            @Schema(description = "pdq queries: the timestamp (s) of the video's frame nearest the image",
                    example = "12.4") Double timestamp) {
    }

    /** One matching record: never its contributor. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(@Schema(example = "6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60") UUID id,
            @Schema(enumeration = { "pdq", "md5", "sha256", "video-md5" }, example = "pdq") HashType type,
            @Schema(example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22") String value,
            @Schema(description = "Hamming distance for pdq (for a vpdq query: to the nearest of its frames); 0 for "
                    + "an exact match", minimum = "0", maximum = "256",
                    example = "4") int distance,
            @Schema(example = "[\"graphic-violence-against-defenceless-people\", \"video\"]") List<String> labels,
            UUID incidentId,
            @Schema(description = "disputed records match too", enumeration = { "active", "disputed" },
                    example = "active") HashStatus status,
            @Schema(description = "the dihedral variant of the query that matched", enumeration = { "original",
                    "rotate90", "rotate180", "rotate270", "flip-x", "flip-y", "flip-plus", "flip-minus" }) String variant,
            @Schema(description = "vpdq queries: the timestamps (s) of the query's frames near this image",
                    example = "[3.0, 4.0, 5.0]") List<Double> timestamps) {
    }

    private record Described(UUID id, HashType type, String value, List<String> labels, UUID incidentId,
            HashStatus status, Integer frameCount, Double duration) {
    }

    @Inject
    IndexFollowerService index;

    @Inject
    DataSource dataSource;

    @Inject
    MatchTally tally;

    @Inject
    HashmatchConfig config;

    /** What the index found for one query, before the records are described. */
    private record Found(List<Match> images, List<ImageHit> imagesOfFrames, List<FrameHit> frames,
            List<VideoMatch> videos) {
        static final Found NONE = new Found(List.of(), List.of(), List.of(), List.of());
    }

    /** The hits of each query, in query order. */
    public List<QueryHits> match(List<Query> queries, int threshold, VideoThresholds video) {
        List<Found> found = new ArrayList<>(queries.size());
        Set<Long> seqIds = new HashSet<>();
        Map<HashType, Set<String>> exactValues = new EnumMap<>(HashType.class);
        for (Query q : queries) {
            if (q.type() == HashType.PDQ) {
                long[] words = PdqHash.fromHex(q.value()).words();
                Found f = new Found(index.searchImages(words, threshold), List.of(),
                        index.videosWithFrameNear(words, threshold), List.of());
                found.add(f);
                f.images().forEach(x -> seqIds.add(x.id()));
                f.frames().forEach(x -> seqIds.add(x.seqId()));
            } else if (q.type() == HashType.VPDQ) {
                MatchParams params = new MatchParams(threshold, config.minQuality(), video.minQueryPercent(),
                        video.minCandidatePercent());
                Found f = new Found(List.of(), index.imagesNearFrames(q.frames(), threshold, config.minQuality()),
                        List.of(), index.matchVideo(q.frames(), params));
                found.add(f);
                f.imagesOfFrames().forEach(x -> seqIds.add(x.seqId()));
                f.videos().forEach(x -> seqIds.add(x.seqId()));
            } else {
                found.add(Found.NONE);
                exactValues.computeIfAbsent(q.type(), t -> new HashSet<>()).add(q.value());
            }
        }
        Map<Long, Described> bySeq;
        Map<String, List<Described>> byValue;
        try (Connection c = dataSource.getConnection()) {
            bySeq = describe(c, seqIds);
            byValue = lookUp(c, exactValues);
        } catch (SQLException e) {
            throw new IllegalStateException("describing matches failed", e);
        }

        List<QueryHits> results = new ArrayList<>(queries.size());
        Map<HashType, long[]> counts = new EnumMap<>(HashType.class);
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            Found f = found.get(i);
            List<Hit> hits = new ArrayList<>();
            List<VideoHit> videos = null;
            if (q.type() == HashType.PDQ) {
                for (Match m : f.images()) {
                    Described d = bySeq.get(m.id());
                    if (d != null) {
                        hits.add(hit(d, m.distance(), q.variant(), null));
                    }
                }
                videos = new ArrayList<>();
                for (FrameHit m : f.frames()) {
                    Described d = bySeq.get(m.seqId());
                    if (d != null) {
                        videos.add(new VideoHit(d.id(), d.type(), d.value(), d.labels(), d.incidentId(), d.status(),
                                d.frameCount(), d.duration(), m.distance(), null, null, null, null, m.timestamp()));
                    }
                }
            } else if (q.type() == HashType.VPDQ) {
                for (ImageHit m : f.imagesOfFrames()) {
                    Described d = bySeq.get(m.seqId());
                    if (d != null) {
                        hits.add(hit(d, m.distance(), null, m.timestamps()));
                    }
                }
                videos = new ArrayList<>();
                for (VideoMatch m : f.videos()) {
                    Described d = bySeq.get(m.seqId());
                    if (d != null) {
                        videos.add(new VideoHit(d.id(), d.type(), d.value(), d.labels(), d.incidentId(), d.status(),
                                d.frameCount(), d.duration(), m.minDistance(), percent(m.queryPercent()),
                                percent(m.targetPercent()), Range.of(m.queryRanges()), Range.of(m.targetRanges()), null));
                    }
                }
            } else {
                for (Described d : byValue.getOrDefault(q.type().code() + ':' + q.value(), List.of())) {
                    hits.add(hit(d, 0, q.variant(), null));
                }
            }
            long[] n = counts.computeIfAbsent(q.type(), t -> new long[2]);
            n[0]++;
            n[1] += hits.size() + (videos == null ? 0 : videos.size());
            results.add(new QueryHits(hits, videos));
        }
        counts.forEach((type, n) -> tally.count(type, n[0], n[1]));
        return results;
    }

    /** A percentage as HMA prints it: two decimals. */
    static double percent(double p) {
        return Math.round(p * 100) / 100.0;
    }

    private static Hit hit(Described d, int distance, String variant, List<Double> timestamps) {
        return new Hit(d.id(), d.type(), d.value(), distance, d.labels(), d.incidentId(), d.status(), variant,
                timestamps);
    }

    private static Map<Long, Described> describe(Connection c, Set<Long> seqIds) throws SQLException {
        Map<Long, Described> out = new HashMap<>();
        if (seqIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select seq_id, id, type, value, labels, incident_id, status, frame_count, duration from hash_record
                where seq_id = any(?) and status <> 'retracted'
                """)) {
            Array ids = c.createArrayOf("bigint", seqIds.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), read(rs));
                }
            } finally {
                ids.free();
            }
        }
        return out;
    }

    private static Map<String, List<Described>> lookUp(Connection c, Map<HashType, Set<String>> values)
            throws SQLException {
        Map<String, List<Described>> out = new HashMap<>();
        for (Map.Entry<HashType, Set<String>> e : values.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    select seq_id, id, type, value, labels, incident_id, status, frame_count, duration from hash_record
                    where type = ? and value = any(?) and status <> 'retracted'
                    """)) {
                Array array = c.createArrayOf("varchar", e.getValue().toArray());
                ps.setString(1, e.getKey().code());
                ps.setArray(2, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Described d = read(rs);
                        out.computeIfAbsent(d.type().code() + ':' + d.value(), k -> new ArrayList<>()).add(d);
                    }
                } finally {
                    array.free();
                }
            }
        }
        return out;
    }

    private static Described read(ResultSet rs) throws SQLException {
        Array labels = rs.getArray(5);
        List<String> l = List.copyOf(Arrays.asList((String[]) labels.getArray()));
        labels.free();
        return new Described(rs.getObject(2, UUID.class), HashType.fromCode(rs.getString(3)).orElseThrow(),
                rs.getString(4), l, rs.getObject(6, UUID.class), HashStatus.fromCode(rs.getString(7)),
                (Integer) rs.getObject(8), (Double) rs.getObject(9));
    }
}
