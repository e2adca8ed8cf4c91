package org.christchurchcall.protocol.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An outbox row: one event for one webhook endpoint, written in the transaction of the change
 * it announces. {@link #id} is the {@code webhook-id} and stays the same across retries, so
 * receivers de-duplicate on it. It holds no secret: the worker signs with the endpoint's
 * current secret when it sends.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead-lettered";

    /** Order of writing; delivery to one endpoint follows it. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public UUID id;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "supporter_id")
    public UUID supporterId;

    @Column(name = "endpoint_id")
    public UUID endpointId;

    public String url;

    public String payload;

    public String status;

    public int attempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "dead_at")
    public Instant deadAt;
}
