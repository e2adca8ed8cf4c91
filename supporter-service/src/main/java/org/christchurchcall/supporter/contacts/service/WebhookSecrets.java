package org.christchurchcall.supporter.contacts.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.supporter.contacts.config.ContactsConfig;

/**
 * Webhook signing secrets: generated here ({@code whsec_} + base64 of 32 random bytes, the
 * Standard Webhooks form) and stored with AES-256-GCM. They cannot be hashed like client secrets
 * because protocol-service needs the secret itself to sign each delivery. The endpoint id is the
 * associated data, so a ciphertext copied onto another endpoint's row does not decrypt.
 */
@ApplicationScoped
public class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    public WebhookSecrets(ContactsConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.secretEncryptionKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ccall.contacts.secret-encryption-key is not base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("ccall.contacts.secret-encryption-key must be 32 bytes (base64), not "
                    + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String encrypt(UUID endpointId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad(endpointId));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return FORMAT + Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public String decrypt(UUID endpointId, String stored) {
        if (!stored.startsWith(FORMAT)) {
            throw new IllegalStateException("unknown signing secret format on webhook endpoint " + endpointId);
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(aad(endpointId));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing secret of webhook endpoint " + endpointId
                    + " does not decrypt with the configured key", e);
        }
    }

    private static byte[] aad(UUID endpointId) {
        return endpointId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
