package org.christchurchcall.supporter.token.service;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.supporter.token.config.VerificationConfig;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Runs secret verifications a few at a time. Without a bound, a flood of token requests puts a
 * bcrypt comparison on every worker thread and starves every other endpoint; with it, the flood
 * waits in a short queue and what does not fit is refused at once with 503.
 */
@ApplicationScoped
public class VerificationPool {

    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final long maxWaitNanos;

    @Inject
    public VerificationPool(VerificationConfig config) {
        this(config.concurrency() > 0 ? config.concurrency() : Runtime.getRuntime().availableProcessors(),
                config.maxWaiting(), config.maxWait());
    }

    VerificationPool(int concurrency, int maxWaiting, Duration maxWait) {
        this.slots = new Semaphore(concurrency, true);
        this.maxWaiting = maxWaiting;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Whether the secret matches the bcrypt hash; {@link OAuthError#busy} when no slot frees in time. */
    public boolean matches(String secret, String hash) {
        return run(() -> BcryptUtil.matches(secret, hash));
    }

    boolean run(BooleanSupplier verification) {
        acquire();
        try {
            return verification.getAsBoolean();
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw OAuthError.busy(1);
        }
        try {
            if (!slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw OAuthError.busy(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OAuthError.busy(1);
        } finally {
            waiting.decrementAndGet();
        }
    }
}
