package org.christchurchcall.platform.webhook;

/**
 * Why a webhook was refused. The message never contains the secret, the expected signature or
 * the body, so receivers may log it.
 */
public class WebhookVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is missing or malformed. */
        MALFORMED,
        /** The timestamp is older than the tolerance: possibly a replay. */
        TOO_OLD,
        /** The timestamp is further in the future than the tolerance. */
        TOO_NEW,
        /** No {@code v1} signature in the header matches: wrong secret or altered id, timestamp or body. */
        NO_MATCHING_SIGNATURE
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
