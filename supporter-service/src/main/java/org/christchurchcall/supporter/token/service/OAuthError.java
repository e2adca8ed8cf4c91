package org.christchurchcall.supporter.token.service;

import org.christchurchcall.platform.problem.ProblemType;

/**
 * A token request refused as RFC 6749 §5.2 describes: the token endpoint answers these as
 * {@code {"error": ..., "error_description": ...}}, not as problem+json, because OAuth clients
 * expect that shape. A request refused before it is looked at (throttled, or no capacity to
 * verify it) is answered as problem+json that also carries those two fields, with Retry-After.
 */
public class OAuthError extends RuntimeException {

    /** RFC 6749's code for a server that cannot handle the request now; the closest registered one for both. */
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    private final int status;
    private final String error;
    private final long retryAfterSeconds;

    public OAuthError(int status, String error, String description) {
        this(status, error, description, 0);
    }

    private OAuthError(int status, String error, String description, long retryAfterSeconds) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client", "client authentication failed");
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError throttled(String description, long retryAfterSeconds) {
        return new OAuthError(429, TEMPORARILY_UNAVAILABLE, description, Math.max(1, retryAfterSeconds));
    }

    public static OAuthError busy(long retryAfterSeconds) {
        return new OAuthError(503, TEMPORARILY_UNAVAILABLE, "too many token requests are being verified; retry shortly",
                Math.max(1, retryAfterSeconds));
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Seconds to wait before retrying; 0 for a refusal that retrying does not change. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The problem type of a refusal answered as problem+json, or null for a plain RFC 6749 error. */
    public ProblemType problemType() {
        return switch (status) {
            case 429 -> ProblemType.TOO_MANY_REQUESTS;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> null;
        };
    }
}
