package org.christchurchcall.supporter.clients;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A machine client that obtains tokens with the client-credentials grant. Only a bcrypt hash of
 * its secret is kept; the secret itself is shown once, when the client is created.
 */
@Entity
@Table(name = "api_client")
public class ApiClient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String name;

    /** Null for the secretariat's, auditors' and services' own clients. */
    @Column(name = "supporter_id")
    public UUID supporterId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] roles;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_reason")
    public String revokedReason;

    @Version
    public long version;

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
