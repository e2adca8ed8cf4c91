package org.christchurchcall.supporter.token.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class VerificationPoolTest {

    @Test
    void whatDoesNotFitInTheSlotsAndTheQueueIsRefusedAtOnceWithRetryAfter() throws Exception {
        VerificationPool pool = new VerificationPool(1, 0, Duration.ofSeconds(30));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> busy = CompletableFuture.supplyAsync(() -> pool.run(() -> {
            inside.countDown();
            await(release);
            return true;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));

        long started = System.nanoTime();
        OAuthError refused = assertThrows(OAuthError.class, () -> pool.run(() -> true));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "refused without waiting");
        assertEquals(503, refused.status());
        assertEquals("temporarily_unavailable", refused.error());
        assertTrue(refused.retryAfterSeconds() >= 1);

        release.countDown();
        assertTrue(busy.get(10, TimeUnit.SECONDS));
        assertTrue(pool.run(() -> true), "a freed slot serves the next verification");
    }

    @Test
    void aWaitingVerificationGetsTheSlotWhenItFreesAndGivesUpAfterMaxWait() throws Exception {
        VerificationPool pool = new VerificationPool(1, 1, Duration.ofMillis(200));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> pool.run(() -> {
            inside.countDown();
            await(release);
            return true;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertEquals(503, assertThrows(OAuthError.class, () -> pool.run(() -> true)).status(),
                "the slot stayed taken for longer than max-wait");
        release.countDown();
        assertTrue(holder.get(10, TimeUnit.SECONDS));

        VerificationPool patient = new VerificationPool(1, 1, Duration.ofSeconds(30));
        CountDownLatch in = new CountDownLatch(1);
        CountDownLatch out = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> patient.run(() -> {
            in.countDown();
            await(out);
            return true;
        }));
        assertTrue(in.await(10, TimeUnit.SECONDS));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> patient.run(() -> false));
        out.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertEquals(false, second.get(10, TimeUnit.SECONDS), "the waiting verification ran once the slot freed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
