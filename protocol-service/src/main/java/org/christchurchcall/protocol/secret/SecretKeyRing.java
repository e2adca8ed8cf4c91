package org.christchurchcall.protocol.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with named keys, so that the encrypting key can be rotated: {@link #seal} always
 * uses the active key and records its id beside the ciphertext; {@link #open} uses whichever key
 * the id names. Every encryption draws a fresh random 96-bit nonce (with random nonces one key
 * stays well inside GCM's limits for far more than the secrets this service will ever hold). The
 * associated data binds a ciphertext to its row: copied onto another row it no longer decrypts.
 * Errors name key ids and counts, never key material or plaintext.
 */
public final class SecretKeyRing {

    static final String HOW_TO = "set ccall.secrets.keys.<id> to the base64 of 32 random bytes "
            + "(e.g. `head -c 32 /dev/urandom | base64`) and ccall.secrets.active-key=<id>; in the environment "
            + "CCALL_SECRETS_KEYS_<ID> and CCALL_SECRETS_ACTIVE_KEY (bin/ccall up and bin/ccall k8s-secrets generate them; "
            + "see docs/operations.md)";
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new TreeMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys        key id to base64 of a 256-bit key
     * @param activeKeyId the id of the key that encrypts
     * @throws IllegalStateException naming what is missing or wrong, so that start-up fails with it
     */
    public SecretKeyRing(Map<String, String> keys, Optional<String> activeKeyId) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalStateException("no key to encrypt webhook signing secrets at rest is configured: " + HOW_TO);
        }
        for (Map.Entry<String, String> k : keys.entrySet()) {
            String id = k.getKey().toLowerCase(Locale.ROOT);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("ccall.secrets.keys: key id '" + k.getKey()
                        + "' must be 1 to 32 lower-case letters and digits");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(k.getValue() == null ? "" : k.getValue().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ccall.secrets.keys." + id + " is not base64");
            }
            if (raw.length != 32) {
                throw new IllegalStateException("ccall.secrets.keys." + id + " must be 32 bytes (256 bits) in base64, not "
                        + raw.length + " bytes");
            }
            this.keys.put(id, new SecretKeySpec(raw, "AES"));
        }
        String active = activeKeyId.map(a -> a.trim().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty())
                .orElseThrow(() -> new IllegalStateException("ccall.secrets.active-key is not set; it names one of the "
                        + "configured keys " + this.keys.keySet() + ": " + HOW_TO));
        if (!this.keys.containsKey(active)) {
            throw new IllegalStateException("ccall.secrets.active-key is '" + active + "', but the configured keys are "
                    + this.keys.keySet() + ": " + HOW_TO);
        }
        this.activeKeyId = active;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public boolean isActive(String keyId) {
        return activeKeyId.equals(keyId);
    }

    /** Encrypts under the active key with a fresh random nonce. */
    public SealedSecret seal(String plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData);
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new SealedSecret(activeKeyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts with the key the sealed secret names.
     *
     * @throws IllegalStateException when that key is not configured, or the ciphertext, its
     *                               associated data or the key do not match
     */
    public Secret open(SealedSecret sealed, byte[] associatedData) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("key '" + sealed.keyId() + "' is not configured (configured: "
                    + keys.keySet() + ")");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the ciphertext is not base64");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("the ciphertext is too short");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(associatedData);
            return Secret.of(new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the ciphertext does not decrypt with key '" + sealed.keyId()
                    + "' for this row (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "SecretKeyRing[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }
}
