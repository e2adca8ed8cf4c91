package org.christchurchcall.supporter.contacts;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person or desk a supporter can be reached at around the clock during a crisis. */
@Entity
@Table(name = "contact_point")
public class ContactPoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "supporter_id", nullable = false)
    public UUID supporterId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String phone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
