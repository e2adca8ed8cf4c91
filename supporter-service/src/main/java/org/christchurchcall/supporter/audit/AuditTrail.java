package org.christchurchcall.supporter.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.supporter.audit.repository.AuditEventRepository;

import io.quarkus.arc.Arc;

/**
 * Records every change in the same transaction as the change itself, so that the trail and the
 * data cannot disagree. Changes made outside a request (start-up seeding) are recorded as
 * {@value #SYSTEM}.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SYSTEM = "system";

    @Inject
    Instance<Caller> caller;

    @Inject
    AuditEventRepository events;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, Object entityId, String action, String summary) {
        AuditEvent e = new AuditEvent();
        e.id = UUID.randomUUID();
        // microseconds: what PostgreSQL keeps, so that a read-back cursor matches the row exactly
        e.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.entityType = entityType;
        e.entityId = String.valueOf(entityId);
        e.action = action;
        e.summary = summary.length() > 2000 ? summary.substring(0, 2000) : summary;
        e.clientId = SYSTEM;
        if (Arc.container().requestContext().isActive()) {
            Caller c = caller.get();
            if (c.clientId() != null) {
                e.clientId = c.clientId();
                e.supporterId = c.supporterId().orElse(null);
            }
        }
        events.persist(e);
    }
}
