package org.christchurchcall.protocol.notification.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.christchurchcall.protocol.config.DeliveryConfig;
import org.christchurchcall.protocol.notification.Backoff;
import org.christchurchcall.protocol.notification.WebhookSignature;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers outbox rows: concurrently across endpoints (a bounded pool), in order per endpoint
 * (only an endpoint's oldest pending row is ever claimed), retrying with exponential backoff and
 * jitter, and dead-lettering rows older than the maximum age. A poll runs on a schedule as a
 * safety net and right after any transaction that queued rows or any delivery that finished.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryConfig config;

    @Inject
    NotificationStore store;

    @Inject
    MeterRegistry registry;

    private ExecutorService senders;
    private ExecutorService dispatcher;
    private Semaphore permits;
    private HttpClient http;
    private Backoff backoff;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopped;
    private Counter deliveredCounter;
    private Counter retriedCounter;
    private Counter deadCounter;
    private Timer deliveryLatency;

    @PostConstruct
    void init() {
        int n = config.concurrency();
        senders = Executors.newFixedThreadPool(n, named("webhook-sender"));
        dispatcher = Executors.newSingleThreadExecutor(named("webhook-dispatcher"));
        permits = new Semaphore(n);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newFixedThreadPool(2, named("webhook-io")))
                .build();
        backoff = new Backoff(config.backoffBase(), config.backoffMax());
        deliveredCounter = registry.counter("ccall.notifications.delivered");
        retriedCounter = registry.counter("ccall.notifications.retried");
        deadCounter = registry.counter("ccall.notifications.dead.lettered");
        deliveryLatency = Timer.builder("ccall.notifications.delivery.latency")
                .description("from queuing to successful delivery").publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("ccall.notifications.in.flight", inFlight);
    }

    void onShutdown(@Observes ShutdownEvent e) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        dispatcher.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten e) {
        wake();
    }

    @Scheduled(every = "${ccall.delivery.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Asks for a poll; polls that are asked for while one runs are merged into one more. */
    public void wake() {
        if (stopped) {
            return;
        }
        again.set(true);
        if (draining.compareAndSet(false, true)) {
            try {
                dispatcher.execute(this::drain);
            } catch (RuntimeException rejected) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false) && !stopped) {
                int free = permits.availablePermits();
                if (free == 0) {
                    break;
                }
                List<Delivery> claimed = store.claim(Math.min(free, config.batchSize()),
                        config.lease());
                for (Delivery d : claimed) {
                    permits.acquireUninterruptibly();
                    inFlight.incrementAndGet();
                    senders.execute(() -> {
                        try {
                            send(d);
                        } finally {
                            inFlight.decrementAndGet();
                            permits.release();
                            wake();
                        }
                    });
                }
                if (claimed.size() == Math.min(free, config.batchSize())) {
                    again.set(true);
                }
            }
        } catch (RuntimeException e) {
            again.set(false);
            LOG.warnf("notification poll failed, the next tick retries: %s", e.toString());
        } finally {
            draining.set(false);
            // a wake that arrived between the last check and here found the flag still set
            if (again.get() && !stopped && permits.availablePermits() > 0) {
                wake();
            }
        }
    }

    void send(Delivery d) {
        long ts = Instant.now().getEpochSecond();
        String messageId = d.id().toString();
        Integer status = null;
        String error;
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(ts))
                    .header("webhook-signature", WebhookSignature.sign(d.signingSecret(), messageId, ts, d.payload()))
                    .header("User-Agent", "ccall-protocol-service")
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload()))
                    .build();
            HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
            status = res.statusCode();
            if (status >= 200 && status < 300) {
                Instant now = Instant.now();
                store.delivered(d, status, now);
                deliveredCounter.increment();
                deliveryLatency.record(Duration.between(d.createdAt(), now));
                return;
            }
            error = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        try {
            Duration retryIn = backoff.delay(d.attempt(), () -> ThreadLocalRandom.current().nextDouble());
            boolean dead = store.failed(d, status, error, Instant.now(), config.maxAge(), retryIn);
            if (dead) {
                deadCounter.increment();
                LOG.warnf("notification %s to %s dead-lettered after %d attempts: %s", d.id(), d.url(), d.attempt(),
                        error);
            } else {
                retriedCounter.increment();
            }
        } catch (RuntimeException e) {
            // the lease expires and another poll takes the row again
            LOG.warnf("could not record the failed delivery of %s: %s", d.id(), e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
