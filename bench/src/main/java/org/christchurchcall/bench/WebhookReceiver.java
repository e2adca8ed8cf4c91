package org.christchurchcall.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.christchurchcall.platform.webhook.WebhookVerificationException;
import org.christchurchcall.platform.webhook.WebhookVerifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Participants' webhook endpoints, {@code <base>/<index>}, as a participant would run them: each
 * checks the signature and its timestamp with platform's {@link WebhookVerifier} (5 minutes'
 * tolerance), de-duplicates on {@code webhook-id} and records when it first accepted the event
 * the bench waits for. An endpoint marked failing answers 503 to its first {@code failAttempts}
 * deliveries of that event.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One endpoint as the receiver sees it. */
    static final class Endpoint {
        final int index;
        final boolean failing;
        /** Set with the secret supporter-service returned when the endpoint was registered. */
        volatile WebhookVerifier verifier;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicLong firstAcceptedNanos = new AtomicLong(-1);
        final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
        final AtomicInteger redeliveries = new AtomicInteger();

        Endpoint(int index, boolean failing) {
            this.index = index;
            this.failing = failing;
        }
    }

    final Endpoint[] endpoints;
    final AtomicInteger invalidSignatures = new AtomicInteger();
    /** Deliveries of the awaited event, failed ones included. */
    final AtomicInteger attempts = new AtomicInteger();
    private final int failAttempts;
    private final CountDownLatch firstDeliveries;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    /** Which events count; others are acknowledged and ignored. Set before the activation. */
    private volatile Predicate<JsonNode> awaited = e -> false;
    /** Deliveries are timed from it. */
    private volatile long t0;

    WebhookReceiver(Endpoint[] endpoints, int failAttempts) throws IOException {
        this.endpoints = endpoints;
        this.failAttempts = failAttempts;
        this.firstDeliveries = new CountDownLatch(endpoints.length);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(threads);
        server.createContext("/hooks/", this::receive);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/";
    }

    /** Starts the clock for the events {@code awaited} accepts. */
    void await(Predicate<JsonNode> awaited, long t0) {
        this.t0 = t0;
        this.awaited = awaited;
    }

    /** Waits until every endpoint accepted the awaited event; false at the timeout. */
    boolean allDelivered(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        return firstDeliveries.await(timeout, unit);
    }

    private void receive(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Endpoint e = endpoint(ex.getRequestURI().getPath());
            WebhookVerifier verifier = e == null ? null : e.verifier;
            if (verifier == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            try {
                verifier.verify(id, ex.getRequestHeaders().getFirst("webhook-timestamp"),
                        ex.getRequestHeaders().getFirst("webhook-signature"), body);
            } catch (WebhookVerificationException rejected) {
                invalidSignatures.incrementAndGet();
                ex.sendResponseHeaders(401, -1);
                return;
            }
            if (!awaited.test(JsonApi.JSON.readTree(body))) {
                ex.sendResponseHeaders(204, -1);
                return;
            }
            attempts.incrementAndGet();
            if (e.failing && e.attempts.incrementAndGet() <= failAttempts) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            long at = System.nanoTime() - t0;
            if (!e.acceptedIds.add(id)) {
                e.redeliveries.incrementAndGet();
            }
            if (e.firstAcceptedNanos.compareAndSet(-1, at)) {
                firstDeliveries.countDown();
            }
            ex.sendResponseHeaders(204, -1);
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(500, -1);
        } finally {
            ex.close();
        }
    }

    private Endpoint endpoint(String path) {
        try {
            int i = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            return i >= 0 && i < endpoints.length ? endpoints[i] : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
