package org.christchurchcall.supporter.token.service;

/**
 * A token request refused as RFC 6749 §5.2 describes: the token endpoint answers these as
 * {@code {"error": ..., "error_description": ...}}, not as problem+json, because OAuth clients
 * expect that shape.
 */
public class OAuthError extends RuntimeException {

    private final int status;
    private final String error;

    public OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client", "client authentication failed");
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
