package org.christchurchcall.protocol.contact.service;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.protocol.contact.WebhookEndpoint;
import org.christchurchcall.protocol.secret.SealedSecret;
import org.christchurchcall.protocol.secret.Secret;
import org.christchurchcall.protocol.secret.SecretKeyRing;
import org.jboss.logging.Logger;

/**
 * Webhook signing secrets at rest: encrypted with the active key, the endpoint id as associated
 * data (a ciphertext moved to another endpoint's row does not decrypt).
 */
@ApplicationScoped
public class EndpointSecrets {

    private static final Logger LOG = Logger.getLogger(EndpointSecrets.class);

    @Inject
    SecretKeyRing keys;

    public SealedSecret seal(UUID endpointId, String secret) {
        return keys.seal(secret, associatedData(endpointId));
    }

    /** Encrypts {@code secret} into the endpoint's row. */
    public void store(WebhookEndpoint e, String secret) {
        SealedSecret s = seal(e.id, secret);
        e.sealedSecret = s.ciphertext();
        e.secretKeyId = s.keyId();
    }

    /**
     * True when the row already holds {@code secret} under the active key, so that an unchanged
     * secret is not rewritten on every contacts refresh; a row under an older key (or one that
     * does not decrypt) is rewritten under the active one.
     */
    public boolean holds(WebhookEndpoint e, String secret) {
        return e.sealedSecret != null && keys.isActive(e.secretKeyId)
                && open(e.id, e.sealedSecret, e.secretKeyId).map(s -> s.sameAs(secret)).orElse(false);
    }

    /**
     * The plain secret of a stored row, or empty (logged) when it cannot be had: the key it names
     * is no longer configured, or the row was altered. A null key id is a row from before
     * encryption (see {@link WebhookEndpoint#sealedSecret}).
     */
    public Optional<Secret> open(UUID endpointId, String stored, String keyId) {
        if (stored == null) {
            return Optional.empty();
        }
        if (keyId == null) {
            return Optional.of(Secret.of(stored));
        }
        try {
            return Optional.of(keys.open(new SealedSecret(keyId, stored), associatedData(endpointId)));
        } catch (IllegalStateException e) {
            LOG.warnf("the signing secret of webhook endpoint %s cannot be decrypted: %s; the next contacts refresh "
                    + "stores it anew", endpointId, e.getMessage());
            return Optional.empty();
        }
    }

    public boolean isActive(String keyId) {
        return keys.isActive(keyId);
    }

    static byte[] associatedData(UUID endpointId) {
        return ("webhook_endpoint.signing_secret:" + endpointId).getBytes(StandardCharsets.US_ASCII);
    }
}
