package org.christchurchcall.protocol.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The last known crisis contacts of a supporter, as supporter-service last served them. */
@Entity
@Table(name = "crisis_contact")
public class CrisisContact extends PanacheEntityBase {

    @Id
    @Column(name = "supporter_id")
    public UUID supporterId;

    @Column(name = "supporter_name")
    public String supporterName;

    @Column(name = "supporter_type")
    public String supporterType;

    public String country;

    /** The protocols the secretariat granted the supporter participation in, sorted. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> protocols = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contact_points")
    public List<ContactPoint> contactPoints = new ArrayList<>();

    @Column(name = "fetched_at")
    public Instant fetchedAt;

    /** Stored as JSON inside the row; registered because Hibernate's JSON mapping reads it reflectively. */
    @RegisterForReflection
    public record ContactPoint(UUID id, String name, String role, String email, String phone) {
    }
}
