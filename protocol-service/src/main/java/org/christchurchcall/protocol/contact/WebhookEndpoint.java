package org.christchurchcall.protocol.contact;

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

/**
 * A participant's webhook endpoint and the protocols it is notified for: those it listed that its
 * supporter takes part in (see {@code ContactStore}).
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "supporter_id")
    public UUID supporterId;

    public String url;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> protocols = new ArrayList<>();

    /**
     * The signing secret, encrypted (base64 of nonce, AES-GCM ciphertext and tag) under the key
     * {@link #secretKeyId}; read and written through {@code EndpointSecrets}. A null key id marks a
     * row written before secrets were encrypted, still in plain text until the start-up
     * re-encryption reaches it.
     */
    @Column(name = "signing_secret")
    public String sealedSecret;

    @Column(name = "signing_secret_key_id")
    public String secretKeyId;

    public boolean active;

    public static List<WebhookEndpoint> activeFor(java.util.Collection<String> protocolCodes) {
        List<WebhookEndpoint> all = list("active = true order by supporterId, id");
        return all.stream().filter(e -> e.protocols.stream().anyMatch(protocolCodes::contains)).toList();
    }
}
