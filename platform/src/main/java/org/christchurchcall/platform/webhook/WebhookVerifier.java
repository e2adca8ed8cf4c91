package org.christchurchcall.platform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

import org.christchurchcall.platform.webhook.WebhookVerificationException.Reason;

/**
 * Checks a webhook as the Standard Webhooks specification asks a receiver to: the headers
 * {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}
 * (space-separated {@code v1,<base64>} entries, one per secret the sender signs with during a
 * rotation), the signed content {@code id.timestamp.body}, and a timestamp within a tolerance of
 * the receiver's clock (5 minutes by default) so that a captured request cannot be replayed
 * later. Receivers should also remember the {@code webhook-id}s they accepted within the
 * tolerance and drop repeats: a retry carries the same id.
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(secret);
 * verifier.verify(headers.get("webhook-id"), headers.get("webhook-timestamp"),
 *         headers.get("webhook-signature"), rawBody);   // throws WebhookVerificationException
 * }</pre>
 *
 * Thread-safe; build one per secret and reuse it.
 */
public final class WebhookVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final String V1 = WebhookSignature.VERSION + ",";

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookVerifier(String secret) {
        this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public WebhookVerifier(String secret, Duration tolerance) {
        this(secret, tolerance, Clock.systemUTC());
    }

    public WebhookVerifier(String secret, Duration tolerance, Clock clock) {
        this.key = WebhookSignature.key(secret);
        if (tolerance == null || tolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance must not be negative");
        }
        this.tolerance = tolerance;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies a webhook whose body was read as text (UTF-8). */
    public void verify(String id, String timestamp, String signatureHeader, String body) {
        verify(id, timestamp, signatureHeader, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns normally when the webhook is authentic and current.
     *
     * @throws WebhookVerificationException when it is not, with the reason
     */
    public void verify(String id, String timestamp, String signatureHeader, byte[] body) {
        if (id == null || id.isBlank() || timestamp == null || signatureHeader == null || body == null) {
            throw new WebhookVerificationException(Reason.MALFORMED,
                    "webhook-id, webhook-timestamp, webhook-signature and a body are required");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException(Reason.MALFORMED, "webhook-timestamp is not Unix seconds");
        }
        long now = clock.instant().getEpochSecond();
        long allowed = tolerance.getSeconds();
        if (ts < now - allowed) {
            throw new WebhookVerificationException(Reason.TOO_OLD,
                    "webhook-timestamp is " + (now - ts) + " s old, more than the tolerance of " + allowed + " s");
        }
        if (ts > now + allowed) {
            throw new WebhookVerificationException(Reason.TOO_NEW, "webhook-timestamp is " + (ts - now)
                    + " s in the future, more than the tolerance of " + allowed + " s");
        }
        byte[] expected = WebhookSignature.mac(key, id, ts, body);
        if (!anyMatches(expected, signatureHeader)) {
            throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE, "no v1 signature matches");
        }
    }

    /** {@link #verify} as a boolean, for receivers that only need yes or no. */
    public boolean isValid(String id, String timestamp, String signatureHeader, String body) {
        try {
            verify(id, timestamp, signatureHeader, body);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    public boolean isValid(String id, String timestamp, String signatureHeader, byte[] body) {
        try {
            verify(id, timestamp, signatureHeader, body);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    /**
     * Compares every {@code v1} entry with {@link MessageDigest#isEqual}, whose time does not depend
     * on where the bytes differ, and does not stop at the first match: how long a check takes tells
     * an attacker nothing about how close a forged signature came.
     */
    private static boolean anyMatches(byte[] expected, String header) {
        boolean matched = false;
        for (String entry : header.trim().split(" +")) {
            if (!entry.startsWith(V1)) {
                continue;
            }
            byte[] candidate;
            try {
                candidate = Base64.getDecoder().decode(entry.substring(V1.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            matched |= MessageDigest.isEqual(expected, candidate);
        }
        return matched;
    }

    @Override
    public String toString() {
        return "WebhookVerifier[tolerance=" + tolerance + "]";
    }
}
