package org.christchurchcall.hashmatch.hash.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.christchurchcall.hashmatch.hash.HashRecord;
import org.christchurchcall.hashmatch.hash.HashStatus;
import org.christchurchcall.hashmatch.hash.HashType;
import org.christchurchcall.hashmatch.hash.repository.HashRecordRepository;
import org.christchurchcall.hashmatch.hash.repository.VideoFrameStore;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.ProblemType;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HashQueryService {

    /** The counts of one incident's hashes, without contributor identities. */
    public record IncidentCounts(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID incidentId,
            @Schema(example = "12") long total,
            @Schema(description = "not retracted: active or disputed", example = "11") long active,
            @Schema(example = "1") long retracted,
            @Schema(description = "by hash type (pdq, md5, sha256, vpdq, video-md5); sums to total",
                    example = "{\"pdq\": 8, \"md5\": 1, \"sha256\": 1, \"vpdq\": 1, \"video-md5\": 1}")
            Map<String, Long> byType) {
    }

    /** Frames of a vpdq record from position {@code offset}; {@code frames} may hold one more than asked for. */
    public record FramePage(HashRecord record, int offset, List<VpdqFrame> frames) {
    }

    @Inject
    HashRecordRepository records;

    @Inject
    VideoFrameStore frameStore;

    public HashRecord get(UUID id) {
        return records.findByPublicId(id).orElseThrow(() -> ApiException.notFound("hash", id));
    }

    /** Up to {@code rows} frames of a vpdq record from position {@code offset}; 404 for another type. */
    public FramePage frames(UUID id, int offset, int rows) {
        HashRecord r = get(id);
        if (r.type != HashType.VPDQ) {
            throw new ApiException(ProblemType.NOT_FOUND, "hash " + id + " is a " + r.type.code()
                    + " hash: only vpdq hashes have frames");
        }
        return new FramePage(r, offset, offset >= r.frameCount ? List.of() : frameStore.page(r.seqId, offset, rows));
    }

    public List<HashRecord> page(UUID incidentId, long afterSeqId, int rows) {
        return records.page(incidentId, afterSeqId, rows);
    }

    public IncidentCounts counts(UUID incidentId) {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (HashType t : HashType.values()) {
            byType.put(t.code(), 0L);
        }
        long total = 0;
        long retracted = 0;
        List<Object[]> rows = records.getEntityManager().createQuery(
                "select r.type, r.status, count(r) from HashRecord r where r.incidentId = :incident group by r.type, r.status",
                Object[].class).setParameter("incident", incidentId).getResultList();
        for (Object[] row : rows) {
            HashType type = (HashType) row[0];
            HashStatus status = (HashStatus) row[1];
            long n = (Long) row[2];
            byType.merge(type.code(), n, Long::sum);
            total += n;
            if (status == HashStatus.RETRACTED) {
                retracted += n;
            }
        }
        return new IncidentCounts(incidentId, total, total - retracted, retracted, byType);
    }
}
