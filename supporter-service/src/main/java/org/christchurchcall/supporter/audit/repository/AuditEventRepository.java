package org.christchurchcall.supporter.audit.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.supporter.audit.AuditEvent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    /** Newest first, keyset on (occurredAt, id) after the given position. */
    public List<AuditEvent> page(String entityType, String entityId, UUID supporterId, Instant afterAt, UUID afterId,
            int rows) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (entityType != null) {
            where.add("entityType = :entityType");
            params.put("entityType", entityType);
        }
        if (entityId != null) {
            where.add("entityId = :entityId");
            params.put("entityId", entityId);
        }
        if (supporterId != null) {
            where.add("supporterId = :supporterId");
            params.put("supporterId", supporterId);
        }
        if (afterAt != null) {
            where.add("(occurredAt < :afterAt or (occurredAt = :afterAt and id < :afterId))");
            params.put("afterAt", afterAt);
            params.put("afterId", afterId);
        }
        String query = "from AuditEvent" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by occurredAt desc, id desc";
        return find(query, params).page(0, rows).list();
    }
}
