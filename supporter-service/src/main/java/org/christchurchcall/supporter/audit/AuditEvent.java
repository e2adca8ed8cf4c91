package org.christchurchcall.supporter.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change: who (client, supporter), what (entity, id, action, summary) and when. Never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "supporter_id")
    public UUID supporterId;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String summary;
}
