package org.christchurchcall.supporter.contacts;

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
 * Where protocol-service posts signed crisis notifications for a supporter. The signing secret
 * is kept encrypted (see {@code WebhookSecrets}) because deliveries must be signed with it.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "supporter_id", nullable = false)
    public UUID supporterId;

    @Column(nullable = false)
    public String url;

    /** {@link Protocol} codes. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] protocols;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "signing_secret_enc", nullable = false)
    public String signingSecretEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
