package org.christchurchcall.protocol.catalogue;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A crisis response protocol, identified by its stable code (e.g. {@code gifct-cip}). */
@Entity
@Table(name = "protocol")
public class Protocol extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String description;

    @Column(name = "requires_second_approval")
    public boolean requiresSecondApproval;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
