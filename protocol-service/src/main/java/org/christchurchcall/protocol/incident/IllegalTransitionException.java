package org.christchurchcall.protocol.incident;

/** A change the incident state machine refuses; the REST layer answers 409. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message, null, false, false);
    }
}
