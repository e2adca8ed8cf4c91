package org.christchurchcall.platform.outbound;

/**
 * The URL may not be requested, whatever happens later: a bad scheme, a refused address or an
 * odd spelling of one. Its message says why, in words fit for the supporter who gave the URL.
 * Checked, so that every caller decides what a refusal means for it (a 400, a dead letter).
 */
public class RefusedDestinationException extends Exception {

    public RefusedDestinationException(String reason) {
        super(reason, null, false, false);
    }
}
