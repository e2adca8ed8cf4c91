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
import org.christchurchcall.hashmatch.index.Match;
import org.christchurchcall.hashmatch.pdq.PdqHash;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answers hash queries: PDQ by Hamming distance through this replica's index, MD5 and SHA-256
 * exactly through the database's (type, value) index. Hits are described from the database in
 * one query per request, which also drops a record retracted after the index last caught up.
 */
@ApplicationScoped
public class MatchService {

    /** A query in canonical form; {@code variant} names the dihedral transform it came from, if any. */
    public record Query(HashType type, String value, String variant) {
    }

    /** One matching record: never its contributor. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(@Schema(example = "6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60") UUID id,
            @Schema(enumeration = { "pdq", "md5", "sha256" }, example = "pdq") HashType type,
            @Schema(example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22") String value,
            @Schema(description = "Hamming distance for pdq; 0 for an exact match", minimum = "0", maximum = "256",
                    example = "4") int distance,
            @Schema(example = "[\"graphic-violence-against-defenceless-people\", \"video\"]") List<String> labels,
            UUID incidentId,
            @Schema(description = "disputed records match too", enumeration = { "active", "disputed" },
                    example = "active") HashStatus status,
            @Schema(description = "the dihedral variant of the query that matched", enumeration = { "original",
                    "rotate90", "rotate180", "rotate270", "flip-x", "flip-y", "flip-plus", "flip-minus" }) String variant) {
    }

    private record Described(UUID id, HashType type, String value, List<String> labels, UUID incidentId,
            HashStatus status) {
    }

    @Inject
    IndexFollowerService index;

    @Inject
    DataSource dataSource;

    @Inject
    MatchTally tally;

    /** The hits of each query, in query order. */
    public List<List<Hit>> match(List<Query> queries, int threshold) {
        List<List<Match>> pdqMatches = new ArrayList<>(queries.size());
        Set<Long> seqIds = new HashSet<>();
        Map<HashType, Set<String>> exactValues = new EnumMap<>(HashType.class);
        for (Query q : queries) {
            if (q.type() == HashType.PDQ) {
                List<Match> m = index.search(PdqHash.fromHex(q.value()).words(), threshold);
                pdqMatches.add(m);
                m.forEach(x -> seqIds.add(x.id()));
            } else {
                pdqMatches.add(List.of());
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

        List<List<Hit>> results = new ArrayList<>(queries.size());
        Map<HashType, long[]> counts = new EnumMap<>(HashType.class);
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            List<Hit> hits = new ArrayList<>();
            if (q.type() == HashType.PDQ) {
                for (Match m : pdqMatches.get(i)) {
                    Described d = bySeq.get(m.id());
                    if (d != null) {
                        hits.add(hit(d, m.distance(), q.variant()));
                    }
                }
            } else {
                for (Described d : byValue.getOrDefault(q.type().code() + ':' + q.value(), List.of())) {
                    hits.add(hit(d, 0, q.variant()));
                }
            }
            long[] n = counts.computeIfAbsent(q.type(), t -> new long[2]);
            n[0]++;
            n[1] += hits.size();
            results.add(hits);
        }
        counts.forEach((type, n) -> tally.count(type, n[0], n[1]));
        return results;
    }

    private static Hit hit(Described d, int distance, String variant) {
        return new Hit(d.id(), d.type(), d.value(), distance, d.labels(), d.incidentId(), d.status(), variant);
    }

    private static Map<Long, Described> describe(Connection c, Set<Long> seqIds) throws SQLException {
        Map<Long, Described> out = new HashMap<>();
        if (seqIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select seq_id, id, type, value, labels, incident_id, status from hash_record
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
                    select seq_id, id, type, value, labels, incident_id, status from hash_record
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
                rs.getString(4), l, rs.getObject(6, UUID.class), HashStatus.fromCode(rs.getString(7)));
    }
}
