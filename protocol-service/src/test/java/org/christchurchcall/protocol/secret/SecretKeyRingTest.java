package org.christchurchcall.protocol.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.christchurchcall.protocol.contact.client.CrisisContactPayload;
import org.christchurchcall.protocol.notification.service.Delivery;
import org.junit.jupiter.api.Test;

class SecretKeyRingTest {

    static final String KEY_A = key();
    static final String KEY_B = key();
    static final String SECRET = "whsec_" + key();
    static final byte[] ROW = "webhook_endpoint.signing_secret:row-1".getBytes(StandardCharsets.US_ASCII);

    static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    static SecretKeyRing ring(Map<String, String> keys, String active) {
        return new SecretKeyRing(keys, Optional.ofNullable(active));
    }

    @Test
    void sealsWithAFreshNonceAndOpensWhatItSealed() {
        SecretKeyRing ring = ring(Map.of("a", KEY_A), "a");
        SealedSecret one = ring.seal(SECRET, ROW);
        SealedSecret two = ring.seal(SECRET, ROW);
        assertEquals("a", one.keyId());
        assertNotEquals(one.ciphertext(), two.ciphertext(), "a random nonce per encryption");
        byte[] raw = Base64.getDecoder().decode(one.ciphertext());
        assertEquals(12 + SECRET.length() + 16, raw.length, "96-bit nonce, ciphertext, 128-bit tag");
        assertFalse(one.ciphertext().contains(SECRET) || one.ciphertext().contains(SECRET.substring(6)));
        assertEquals(SECRET, ring.open(one, ROW).reveal());
        assertEquals(SECRET, ring.open(two, ROW).reveal());
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            nonces.add(ring.seal(SECRET, ROW).ciphertext().substring(0, 16));
        }
        assertEquals(1000, nonces.size());
    }

    @Test
    void aCiphertextIsBoundToItsRow() {
        SecretKeyRing ring = ring(Map.of("a", KEY_A), "a");
        SealedSecret sealed = ring.seal(SECRET, ROW);
        byte[] otherRow = "webhook_endpoint.signing_secret:row-2".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalStateException.class, () -> ring.open(sealed, otherRow));
        byte[] raw = Base64.getDecoder().decode(sealed.ciphertext());
        raw[20] ^= 1;
        SealedSecret tampered = new SealedSecret("a", Base64.getEncoder().encodeToString(raw));
        assertThrows(IllegalStateException.class, () -> ring.open(tampered, ROW));
    }

    @Test
    void aSecretSealedUnderKeyADecryptsAfterKeyBBecomesActive() {
        SealedSecret underA = ring(Map.of("a", KEY_A), "a").seal(SECRET, ROW);
        SecretKeyRing rotated = ring(Map.of("a", KEY_A, "b", KEY_B), "b");
        assertEquals(SECRET, rotated.open(underA, ROW).reveal());
        SealedSecret underB = rotated.seal(SECRET, ROW);
        assertEquals("b", underB.keyId());
        assertTrue(rotated.isActive("b"));
        assertFalse(rotated.isActive("a"));
        // once key a is removed, only what was re-encrypted under b still opens
        SecretKeyRing onlyB = ring(Map.of("b", KEY_B), "b");
        assertEquals(SECRET, onlyB.open(underB, ROW).reveal());
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> onlyB.open(underA, ROW));
        assertTrue(gone.getMessage().contains("'a' is not configured"), gone.getMessage());
        // a key of the same id but other bytes does not open it either
        assertThrows(IllegalStateException.class, () -> ring(Map.of("a", KEY_B), "a").open(underA, ROW));
    }

    @Test
    void startUpFailsWithAClearMessageWithoutAUsableKey() {
        String none = assertThrows(IllegalStateException.class, () -> ring(Map.of(), null)).getMessage();
        assertTrue(none.contains("ccall.secrets.keys.<id>") && none.contains("CCALL_SECRETS_KEYS_<ID>")
                && none.contains("ccall.secrets.active-key"), none);
        String noActive = assertThrows(IllegalStateException.class, () -> ring(Map.of("a", KEY_A), null)).getMessage();
        assertTrue(noActive.contains("ccall.secrets.active-key is not set"), noActive);
        String unknown = assertThrows(IllegalStateException.class, () -> ring(Map.of("a", KEY_A), "b")).getMessage();
        assertTrue(unknown.contains("'b'") && unknown.contains("[a]"), unknown);
        String shortKey = assertThrows(IllegalStateException.class,
                () -> ring(Map.of("a", Base64.getEncoder().encodeToString(new byte[16])), "a")).getMessage();
        assertTrue(shortKey.contains("32 bytes"), shortKey);
        String notBase64 = assertThrows(IllegalStateException.class, () -> ring(Map.of("a", "not base64!"), "a"))
                .getMessage();
        assertTrue(notBase64.contains("not base64") && !notBase64.contains("not base64!"), notBase64);
        assertThrows(IllegalStateException.class, () -> ring(Map.of("a-b", KEY_A), "a-b"));
        // environment variables give upper-case ids; they name the same key
        assertEquals("k1", ring(Map.of("K1", KEY_A), "K1").activeKeyId());
    }

    @Test
    void nothingThatHoldsASecretPrintsIt() {
        SecretKeyRing ring = ring(Map.of("a", KEY_A, "b", KEY_B), "a");
        assertEquals("SecretKeyRing[active=a, keys=[a, b]]", ring.toString());
        Secret secret = ring.open(ring.seal(SECRET, ROW), ROW);
        assertEquals("Secret[redacted]", secret.toString());
        Delivery d = new Delivery(1, UUID.randomUUID(), UUID.randomUUID(), "incident.activated", UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "https://hooks.example/a", secret, "{}", 1,
                java.time.Instant.now());
        CrisisContactPayload.WebhookPayload w = new CrisisContactPayload.WebhookPayload(UUID.randomUUID(),
                "https://hooks.example/a", List.of("ccscrp"), SECRET, true);
        for (String printed : List.of(d.toString(), w.toString(), String.valueOf(List.of(d, w)))) {
            assertFalse(printed.contains(SECRET.substring(6)), printed);
            assertTrue(printed.contains("redacted"), printed);
        }
        assertTrue(secret.sameAs(SECRET));
        assertFalse(secret.sameAs(SECRET + "x"));
    }
}
