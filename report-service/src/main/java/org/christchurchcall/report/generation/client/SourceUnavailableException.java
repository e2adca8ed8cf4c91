package org.christchurchcall.report.generation.client;

/** A source could not give its figures; the report names them as missing with this message as the reason. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
