package org.christchurchcall.protocol.notification;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the cap doubles per attempt up to {@code max}, and the delay
 * is drawn between half the cap and the cap, so that endpoints failing together do not retry
 * together.
 */
public record Backoff(Duration base, Duration max) {

    public Duration delay(int attempt, DoubleSupplier random) {
        long baseMs = Math.max(1, base.toMillis());
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long cap = Math.min(max.toMillis(), baseMs << shift);
        long jittered = cap / 2 + (long) (random.getAsDouble() * (cap - cap / 2));
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
