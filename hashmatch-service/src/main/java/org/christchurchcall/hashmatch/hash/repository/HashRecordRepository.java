package org.christchurchcall.hashmatch.hash.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.hashmatch.hash.HashRecord;
import org.christchurchcall.hashmatch.hash.HashType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HashRecordRepository implements PanacheRepositoryBase<HashRecord, Long> {

    public Optional<HashRecord> findByPublicId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /**
     * The records this contributor already shared among the given values of one type. The values
     * go as one array parameter: an {@code in (...)} list takes a bind parameter per value, and a
     * bulk submission's 10,000 of them made PostgreSQL plan and run the statement for over a minute.
     */
    @SuppressWarnings("unchecked")
    public List<HashRecord> findSubmitted(UUID contributorId, HashType type, Collection<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("""
                select * from hash_record
                where type = ?1 and value = any(?2) and contributor_id = ?3
                """, HashRecord.class)
                .setParameter(1, type.code())
                .setParameter(2, values.toArray(String[]::new))
                .setParameter(3, contributorId)
                .getResultList();
    }

    /** One page of records in key order, optionally of one incident. */
    public List<HashRecord> page(UUID incidentId, long afterSeqId, int rows) {
        if (incidentId == null) {
            return find("seqId > ?1 order by seqId", afterSeqId).page(0, rows).list();
        }
        return find("incidentId = ?1 and seqId > ?2 order by seqId", incidentId, afterSeqId).page(0, rows).list();
    }
}
