package org.christchurchcall.platform.problem;

/** The problem types the platform uses; each names a URN so that clients can switch on it. */
public enum ProblemType {
    VALIDATION(400, "Invalid request", "validation"),
    MALFORMED(400, "Malformed request body", "malformed-body"),
    BAD_REQUEST(400, "Bad request", "bad-request"),
    UNAUTHORIZED(401, "Authentication required", "unauthorized"),
    FORBIDDEN(403, "Not allowed", "forbidden"),
    NOT_FOUND(404, "Not found", "not-found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable", "not-acceptable"),
    CONFLICT(409, "Conflict", "conflict"),
    STALE_VERSION(409, "Stale version", "stale-version"),
    INVALID_STATE(409, "Not allowed in the current state", "invalid-state"),
    TOO_LARGE(413, "Request body too large", "payload-too-large"),
    URI_TOO_LONG(414, "URI too long", "uri-too-long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported-media-type"),
    UNPROCESSABLE(422, "Unprocessable content", "unprocessable"),
    TOO_MANY_REQUESTS(429, "Too many requests", "too-many-requests"),
    HEADERS_TOO_LARGE(431, "Request header fields too large", "headers-too-large"),
    INTERNAL(500, "Internal error", "internal"),
    UNAVAILABLE(503, "Service unavailable", "unavailable");

    private final int status;
    private final String title;
    private final String uri;

    ProblemType(int status, String title, String slug) {
        this.status = status;
        this.title = title;
        this.uri = "urn:ccall:problem:" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return uri;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
