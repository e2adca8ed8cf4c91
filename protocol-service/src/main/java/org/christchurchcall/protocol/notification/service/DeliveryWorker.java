package org.christchurchcall.protocol.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
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

import org.christchurchcall.platform.outbound.HostResolver;
import org.christchurchcall.platform.outbound.OutboundGuard;
import org.christchurchcall.platform.outbound.OutboundHttpClient;
import org.christchurchcall.platform.outbound.RefusedDestinationException;
import org.christchurchcall.platform.webhook.WebhookSignature;
import org.christchurchcall.protocol.config.DeliveryConfig;
import org.christchurchcall.protocol.notification.Backoff;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;

/**
 * Delivers outbox rows: concurrently across endpoints (a bounded pool), in order per endpoint
 * (only an endpoint's oldest pending row is ever claimed), retrying with exponential backoff and
 * jitter, and dead-lettering rows older than the maximum age. A poll runs on a schedule as a
 * safety net and right after any transaction that queued rows or any delivery that finished.
 *
 * <p>About 300 lines on purpose: claiming, sending, recording and rescheduling are one loop whose
 * transaction boundaries must be read together.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Accepted deliveries recorded per transaction, at most. */
    private static final int RECORD_BATCH = 100;

    @Inject
    DeliveryConfig config;

    @Inject
    NotificationStore store;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    @Inject
    HostResolver resolver;

    private ExecutorService senders;
    private ExecutorService dispatcher;
    private ExecutorService recorder;
    private final LinkedBlockingQueue<Recording> accepted = new LinkedBlockingQueue<>();
    private Semaphore permits;
    private OutboundHttpClient http;
    private Backoff backoff;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopped;
    private Counter deliveredCounter;
    private Counter retriedCounter;
    private Counter deadCounter;
    private Counter refusedCounter;
    private Timer deliveryLatency;

    @PostConstruct
    void init() {
        int n = config.concurrency();
        senders = Executors.newFixedThreadPool(n, named("webhook-sender"));
        dispatcher = Executors.newSingleThreadExecutor(named("webhook-dispatcher"));
        recorder = Executors.newSingleThreadExecutor(named("webhook-recorder"));
        recorder.execute(this::recordLoop);
        permits = new Semaphore(n);
        // every attempt is checked again: the URL came from a supporter, and its DNS may have changed since
        http = new OutboundHttpClient(vertx, new OutboundGuard(resolver, config.allowLoopbackHttp()),
                new HttpClientOptions().setConnectTimeout(5000), n);
        backoff = new Backoff(config.backoffBase(), config.backoffMax());
        deliveredCounter = registry.counter("ccall.notifications.delivered");
        retriedCounter = registry.counter("ccall.notifications.retried");
        deadCounter = registry.counter("ccall.notifications.dead.lettered");
        refusedCounter = registry.counter("ccall.notifications.refused");
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
        recorder.shutdownNow();
        http.close();
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
            if (d.signingSecret() == null) {
                throw new IllegalStateException("no signing secret: the webhook endpoint is no longer registered or "
                        + "its secret does not decrypt");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("webhook-id", messageId);
            headers.put("webhook-timestamp", Long.toString(ts));
            headers.put("webhook-signature", WebhookSignature.sign(d.signingSecret().reveal(), messageId, ts, d.payload()));
            headers.put("User-Agent", "ccall-protocol-service");
            status = http.post(d.url(), headers, d.payload(), config.requestTimeout());
            if (status >= 200 && status < 300) {
                Instant now = Instant.now();
                record(d, status, now);
                deliveredCounter.increment();
                deliveryLatency.record(Duration.between(d.createdAt(), now));
                return;
            }
            error = "HTTP " + status;
        } catch (RefusedDestinationException e) {
            // retrying cannot help and must not happen: the endpoint is fixed at supporter-service
            refused(d, e.getMessage());
            return;
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

    private void refused(Delivery d, String reason) {
        try {
            if (store.refused(d, reason, Instant.now())) {
                refusedCounter.increment();
                deadCounter.increment();
                LOG.warnf("notification %s to %s dead-lettered without sending: %s", d.id(), d.url(), reason);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not record the refused delivery of %s: %s", d.id(), e.toString());
        }
    }

    /** An accepted delivery and the sender waiting for it to be committed. */
    private record Recording(NotificationStore.Accepted accepted, CompletableFuture<Void> done) {
    }

    /**
     * Hands an accepted delivery to the recorder and waits until it is committed (group commit):
     * the sender returns only once the row is delivered, as if it had written it itself. If the
     * recording fails the row stays claimed until its lease ends and is sent again with its id.
     */
    private void record(Delivery d, int status, Instant at) throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        accepted.add(new Recording(new NotificationStore.Accepted(d, status, at), done));
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("recording the delivery failed", e.getCause());
        }
    }

    private void recordLoop() {
        List<Recording> batch = new ArrayList<>();
        try {
            while (!stopped) {
                Recording first = accepted.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                accepted.drainTo(batch, RECORD_BATCH - 1);
                try {
                    store.delivered(batch.stream().map(Recording::accepted).toList());
                    batch.forEach(r -> r.done().complete(null));
                } catch (RuntimeException e) {
                    // one bad row must not hold back the others: record them one by one
                    for (Recording r : batch) {
                        try {
                            store.delivered(List.of(r.accepted()));
                            r.done().complete(null);
                        } catch (RuntimeException single) {
                            r.done().completeExceptionally(single);
                        }
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            IllegalStateException stopping = new IllegalStateException("the delivery worker is stopping");
            batch.forEach(r -> r.done().completeExceptionally(stopping));
            List<Recording> left = new ArrayList<>();
            accepted.drainTo(left);
            left.forEach(r -> r.done().completeExceptionally(stopping));
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
