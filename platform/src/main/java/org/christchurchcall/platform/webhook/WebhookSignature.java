package org.christchurchcall.platform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,base64(HMAC-SHA256(key, id + "." + timestamp + "." + body))}
 * where the key is the base64 part of a {@code whsec_} secret. The sender signs with
 * {@link #sign}; receivers check with {@link WebhookVerifier}.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";

    private WebhookSignature() {
    }

    /** The value of the {@code webhook-signature} header for one message. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(
                mac(key(secret), messageId, timestampSeconds, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The signed content is the raw body: receivers must not re-encode what they received. */
    static byte[] mac(byte[] key, String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The HMAC key of a {@code whsec_} secret (the prefix is optional). */
    static byte[] key(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        String b64 = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            // the message of the decoder could quote part of the secret
            throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64");
        }
    }
}
