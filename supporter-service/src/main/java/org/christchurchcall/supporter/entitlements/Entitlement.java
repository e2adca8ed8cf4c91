package org.christchurchcall.supporter.entitlements;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One grant by the secretariat to a supporter: an operational role or participation in a
 * protocol. A withdrawal deletes the row; the audit trail keeps the history.
 */
@Entity
@Table(name = "entitlement")
public class Entitlement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "supporter_id", nullable = false)
    public UUID supporterId;

    @Column(nullable = false)
    public EntitlementKind kind;

    /** The role, or the protocol code as protocol-service names it. */
    @Column(nullable = false)
    public String code;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    /** The client id that granted it, or "system" / "migration". */
    @Column(name = "granted_by", nullable = false)
    public String grantedBy;
}
