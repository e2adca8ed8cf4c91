package org.christchurchcall.report.generation.client;

/**
 * A source answered with a client error other than 401 (e.g. 404 when its aggregate endpoint does
 * not exist, 403 when report-service's client lacks the role): retrying cannot help and it says
 * nothing about the source's health, so retries stop and the circuit breaker ignores it.
 */
public class SourceRejectedException extends SourceUnavailableException {

    public SourceRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
