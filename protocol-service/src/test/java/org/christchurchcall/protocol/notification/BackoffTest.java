package org.christchurchcall.protocol.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Signing and verifying are platform's WebhookSignature and WebhookVerifier, tested there. */
class BackoffTest {

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertEquals(500, b.delay(1, () -> 0.0).toMillis());
        assertEquals(1000, b.delay(1, () -> 1.0).toMillis());
        assertEquals(2000, b.delay(3, () -> 0.0).toMillis());
        assertEquals(4000, b.delay(3, () -> 1.0).toMillis());
        assertEquals(60000, b.delay(30, () -> 1.0).toMillis());
        assertEquals(30000, b.delay(100, () -> 0.0).toMillis());
        long mid = b.delay(2, () -> 0.5).toMillis();
        assertTrue(mid > 1000 && mid < 2000);
    }
}
