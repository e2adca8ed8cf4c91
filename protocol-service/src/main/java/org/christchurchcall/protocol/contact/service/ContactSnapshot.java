package org.christchurchcall.protocol.contact.service;

import java.time.Instant;

/**
 * Which contacts a change was notified with: fresh from supporter-service, or the last known
 * ones because it could not be reached ({@code syncedAt} null when there never were any).
 */
public record ContactSnapshot(boolean fresh, Instant syncedAt, String reason) {

    public static ContactSnapshot fresh(Instant at) {
        return new ContactSnapshot(true, at, null);
    }

    public static ContactSnapshot cached(Instant syncedAt, String reason) {
        return new ContactSnapshot(false, syncedAt, reason);
    }
}
