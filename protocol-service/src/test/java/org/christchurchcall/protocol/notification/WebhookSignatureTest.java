package org.christchurchcall.protocol.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // the example of the Standard Webhooks specification
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TS = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";

    @Test
    void matchesTheSpecificationExample() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(SECRET, ID, TS, BODY));
    }

    @Test
    void receiversVerifyAndRejectTampering() {
        String sig = WebhookSignature.sign(SECRET, ID, TS, BODY);
        assertTrue(WebhookSignature.verify(SECRET, ID, Long.toString(TS), BODY, sig));
        assertTrue(WebhookSignature.verify(SECRET, ID, Long.toString(TS), BODY, "v1,bm90IGl0 " + sig));
        assertFalse(WebhookSignature.verify(SECRET, ID, Long.toString(TS), BODY + " ", sig));
        assertFalse(WebhookSignature.verify(SECRET, "msg_other", Long.toString(TS), BODY, sig));
        assertFalse(WebhookSignature.verify(SECRET, ID, Long.toString(TS + 1), BODY, sig));
        assertFalse(WebhookSignature.verify("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]), ID,
                Long.toString(TS), BODY, sig));
        assertFalse(WebhookSignature.verify(SECRET, ID, "not-a-number", BODY, sig));
    }

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
