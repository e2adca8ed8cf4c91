package org.christchurchcall.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.christchurchcall.platform.webhook.WebhookVerifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code bin/ccall bench fanout}: how fast an activation reaches every participant, against the
 * services that {@code bin/ccall up} runs (supporter-service with demo data, protocol-service).
 *
 * <p>It registers {@code --endpoints} supporters through supporter-service's API (as the demo
 * secretariat), each with one webhook endpoint on {@code --protocol} served by a receiver in this
 * process, and a crisis-coordinator client for the first of them. A share ({@code --fail-rate})
 * of the endpoints answer 503 to their first {@code --fail-attempts} deliveries. The coordinator
 * reports an exercise incident, moves it to assessing and activates the protocol; the clock starts
 * when the activation request is sent. protocol-service refreshes crisis contacts from
 * supporter-service inside every activation request, before it queues notifications, so the new
 * endpoints are known without waiting for the background refresh.
 *
 * <p>The receiver verifies each signature and its timestamp (platform's {@code WebhookVerifier},
 * 5 minutes' tolerance) as a participant would and de-duplicates on
 * {@code webhook-id}. Per endpoint it records the time to the first accepted delivery. An
 * endpoint with no accepted delivery within {@code --timeout-s} counts as lost; an endpoint that
 * accepted the event under more than one webhook id counts towards duplicates after de-dup.
 * The run ends when protocol-service reports no pending notification for the incident; the bench
 * supporters are then withdrawn and the coordinator client revoked, so that later activations do
 * not notify endpoints that are gone.
 *
 * <p>Prints one JSON line on stdout; progress goes to stderr.
 */
public final class FanoutBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BENCH_PREFIX = "Fanout bench ";

    private final Options o;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    /** Set just before the activation request; deliveries are timed from it. */
    private volatile long t0;
    private volatile String incidentId;
    private Endpoint[] endpoints;
    private CountDownLatch firstDeliveries;
    private final AtomicInteger invalidSignatures = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    /** A participant endpoint as the receiver sees it. */
    static final class Endpoint {
        final int index;
        final boolean failing;
        volatile UUID supporterId;
        volatile long supporterVersion;
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

    record Options(int endpoints, double failRate, int failAttempts, int timeoutS, String supporterUrl,
            String protocolUrl, Path secrets, String protocol, String level, long seed, int setupThreads) {

        static Options parse(String[] args) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
                }
                m.put(args[i].substring(2), args[++i]);
            }
            Set<String> known = Set.of("endpoints", "fail-rate", "fail-attempts", "timeout-s", "supporter-url",
                    "protocol-url", "secrets", "protocol", "level", "seed", "setup-threads");
            for (String k : m.keySet()) {
                if (!known.contains(k)) {
                    throw new IllegalArgumentException("unknown option --" + k + "; known: " + known);
                }
            }
            Options o = new Options(Integer.parseInt(m.getOrDefault("endpoints", "200")),
                    Double.parseDouble(m.getOrDefault("fail-rate", "0")),
                    Integer.parseInt(m.getOrDefault("fail-attempts", "2")),
                    Integer.parseInt(m.getOrDefault("timeout-s", "60")),
                    m.getOrDefault("supporter-url", "http://127.0.0.1:8101"),
                    m.getOrDefault("protocol-url", "http://127.0.0.1:8102"),
                    Path.of(m.getOrDefault("secrets", ".local/secrets.env")),
                    m.getOrDefault("protocol", "ccscrp"),
                    m.getOrDefault("level", "coordinated-response"),
                    Long.parseLong(m.getOrDefault("seed", "42")),
                    Integer.parseInt(m.getOrDefault("setup-threads", "8")));
            if (o.endpoints < 1 || o.failRate < 0 || o.failRate > 1 || o.failAttempts < 0 || o.timeoutS < 1) {
                throw new IllegalArgumentException("need --endpoints >= 1, 0 <= --fail-rate <= 1, --fail-attempts >= 0,"
                        + " --timeout-s >= 1");
            }
            return o;
        }
    }

    FanoutBench(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fanout bench: " + e.getMessage());
            System.err.println("usage: bin/ccall bench fanout [--endpoints 200] [--fail-rate 0.2] [--fail-attempts 2]"
                    + " [--timeout-s 60] [--protocol ccscrp] [--level coordinated-response]");
            System.exit(2);
            return;
        }
        System.out.println(new FanoutBench(o).run());
    }

    String run() throws Exception {
        Map<String, String> secrets = readSecrets(o.secrets());
        String secretariat = token("demo-secretariat", require(secrets, "DEMO_SECRETARIAT_SECRET"));
        withdrawLeftovers(secretariat);

        endpoints = new Endpoint[o.endpoints()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < o.endpoints(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(o.seed()));
        Set<Integer> failing = Set.copyOf(order.subList(0, (int) Math.round(o.failRate() * o.endpoints())));
        for (int i = 0; i < o.endpoints(); i++) {
            endpoints[i] = new Endpoint(i, failing.contains(i));
        }
        firstDeliveries = new CountDownLatch(o.endpoints());

        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(64);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/hooks/", this::receive);
        receiver.start();
        String hookBase = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/";
        String clientId = null;
        try {
            long setupStart = System.nanoTime();
            register(secretariat, hookBase);
            JsonNode client = post(o.supporterUrl() + "/api/v1/clients", secretariat, Map.of(
                    "name", BENCH_PREFIX + runId + " coordinator", "supporterId", endpoints[0].supporterId.toString(),
                    "roles", List.of("crisis-coordinator")), 201);
            clientId = client.path("id").asText();
            String coordinator = token(client.path("clientId").asText(), client.path("clientSecret").asText());
            log("registered %d supporters and endpoints (%d failing their first %d attempts) in %d ms", o.endpoints(),
                    failing.size(), o.failAttempts(), ms(System.nanoTime() - setupStart));

            JsonNode incident = post(o.protocolUrl() + "/api/v1/incidents", coordinator, report(), 201);
            incidentId = incident.path("id").asText();
            post(o.protocolUrl() + "/api/v1/incidents/" + incidentId + "/transitions", coordinator,
                    Map.of("to", "assessing", "version", incident.path("version").asLong()), 200);

            t0 = System.nanoTime();
            try {
                post(o.protocolUrl() + "/api/v1/incidents/" + incidentId + "/activations", coordinator, activation(),
                        201);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "\n(a 403 'does not participate' means protocol-service"
                        + " could not refresh crisis contacts from supporter-service: see its log, e.g. whether its"
                        + " service client gets a token)", e);
            }
            long activationMs = ms(System.nanoTime() - t0);
            log("activated %s for exercise incident %s (request took %d ms)", o.protocol(), incidentId, activationMs);

            boolean all = firstDeliveries.await(o.timeoutS(), TimeUnit.SECONDS);
            long pending = awaitOutboxSettled(coordinator, all ? 30 : 5);
            return result(failing.size(), activationMs, pending);
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
            cleanUp(secretariat, clientId);
        }
    }

    // --- the receiver ----------------------------------------------------------------------

    private void receive(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            Endpoint e = endpoint(ex.getRequestURI().getPath());
            WebhookVerifier verifier = e == null ? null : e.verifier;
            if (verifier == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = ex.getRequestHeaders().getFirst("webhook-signature");
            if (!verifier.isValid(id, ts, sig, raw)) {
                invalidSignatures.incrementAndGet();
                ex.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode event = JSON.readTree(body);
            String ours = incidentId;
            if (ours == null || !ours.equals(event.path("incident").path("id").asText())
                    || !"incident.activated".equals(event.path("type").asText())) {
                ex.sendResponseHeaders(204, -1);
                return;
            }
            attempts.incrementAndGet();
            if (e.failing && e.attempts.incrementAndGet() <= o.failAttempts()) {
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

    // --- the participants ------------------------------------------------------------------

    /** One supporter per endpoint, admitted, with its webhook; in parallel, as onboarding would be. */
    private void register(String secretariat, String hookBase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(o.setupThreads());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Endpoint e : endpoints) {
                done.add(pool.submit(() -> {
                    JsonNode s = post(o.supporterUrl() + "/api/v1/supporters", secretariat, Map.of(
                            "name", String.format("%s%s participant %03d", BENCH_PREFIX, runId, e.index),
                            "type", "company", "country", "NZ"), 201);
                    e.supporterId = UUID.fromString(s.path("id").asText());
                    JsonNode admitted = post(o.supporterUrl() + "/api/v1/supporters/" + e.supporterId + "/admit",
                            secretariat, Map.of("version", s.path("version").asLong(),
                                    "joinedOn", LocalDate.now().toString()), 200);
                    e.supporterVersion = admitted.path("version").asLong();
                    JsonNode w = post(o.supporterUrl() + "/api/v1/supporters/" + e.supporterId + "/webhooks",
                            secretariat, Map.of("url", hookBase + e.index, "protocols", List.of(o.protocol())), 201);
                    e.verifier = new WebhookVerifier(w.path("signingSecret").asText());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Bench supporters of a run that did not finish would be notified by every later activation. */
    private void withdrawLeftovers(String secretariat) throws Exception {
        String url = o.supporterUrl() + "/api/v1/supporters?status=active&limit=500";
        List<JsonNode> leftovers = new ArrayList<>();
        while (url != null) {
            JsonNode page = get(url, secretariat);
            for (JsonNode s : page.path("items")) {
                if (s.path("name").asText().startsWith(BENCH_PREFIX)) {
                    leftovers.add(s);
                }
            }
            String next = page.path("next").asText(null);
            url = next == null || next.isBlank() ? null : URI.create(o.supporterUrl()).resolve(next).toString();
        }
        for (JsonNode s : leftovers) {
            withdraw(secretariat, s.path("id").asText(), s.path("version").asLong());
        }
        if (!leftovers.isEmpty()) {
            log("withdrew %d bench supporters left over from an earlier run", leftovers.size());
        }
    }

    private void cleanUp(String secretariat, String clientId) {
        try {
            if (clientId != null) {
                post(o.supporterUrl() + "/api/v1/clients/" + clientId + "/revoke", secretariat,
                        Map.of("reason", "fan-out benchmark finished"), 200);
            }
            ExecutorService pool = Executors.newFixedThreadPool(o.setupThreads());
            List<Future<?>> done = new ArrayList<>();
            for (Endpoint e : endpoints) {
                if (e.supporterId != null) {
                    done.add(pool.submit(() -> {
                        withdraw(secretariat, e.supporterId.toString(), e.supporterVersion);
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        } catch (Exception e) {
            log("clean-up incomplete (the next run withdraws what is left): %s", e);
        }
    }

    private void withdraw(String secretariat, String supporterId, long version) throws IOException,
            InterruptedException {
        post(o.supporterUrl() + "/api/v1/supporters/" + supporterId + "/withdraw", secretariat,
                Map.of("version", version, "reason", "fan-out benchmark finished"), 200);
    }

    // --- the incident ----------------------------------------------------------------------

    private Map<String, Object> report() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", "Fan-out benchmark " + runId);
        r.put("description", "Benchmark of notification fan-out to " + o.endpoints() + " webhook endpoints.");
        r.put("occurredAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString());
        r.put("location", "Benchmark");
        r.put("contentUrls", List.of());
        r.put("platforms", List.of());
        r.put("contentTypes", List.of("video"));
        r.put("protocols", List.of(o.protocol()));
        // an exercise: labelled as such in every notification and left out of published figures
        r.put("exercise", true);
        return r;
    }

    private Map<String, Object> activation() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("protocol", o.protocol());
        a.put("level", o.level());
        a.put("criteria", Map.of("ongoingEvent", true, "perpetratorProducedContent", true,
                "murderOrAttemptedMurder", true, "onOrSpreadingToMemberPlatforms", true));
        a.put("decision", "Fan-out benchmark");
        return a;
    }

    /**
     * Waits until protocol-service has no pending notification for the bench participants, so
     * that no retry can still arrive when the duplicates are counted; returns what is still pending.
     */
    private long awaitOutboxSettled(String coordinator, int seconds) throws Exception {
        Set<String> ours = ConcurrentHashMap.newKeySet();
        for (Endpoint e : endpoints) {
            ours.add(e.supporterId.toString());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long pending;
        do {
            pending = 0;
            JsonNode page = get(o.protocolUrl() + "/api/v1/incidents/" + incidentId + "/participants", coordinator);
            for (JsonNode p : page.path("items")) {
                if (ours.contains(p.path("supporterId").asText())) {
                    pending += p.path("pending").asLong();
                }
            }
            if (pending > 0) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } while (pending > 0 && System.nanoTime() < deadline);
        return pending;
    }

    private String result(int failingCount, long activationMs, long pendingAtEnd) throws IOException {
        List<Long> latencies = new ArrayList<>();
        int duplicates = 0;
        int redeliveries = 0;
        for (Endpoint e : endpoints) {
            long at = e.firstAcceptedNanos.get();
            if (at >= 0) {
                latencies.add(at);
            }
            duplicates += Math.max(0, e.acceptedIds.size() - 1);
            redeliveries += e.redeliveries.get();
        }
        Collections.sort(latencies);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bench", "fanout");
        r.put("endpoints", o.endpoints());
        r.put("delivered", latencies.size());
        r.put("lost", o.endpoints() - latencies.size());
        r.put("duplicates_after_dedup", duplicates);
        r.put("p50_ms", percentileMs(latencies, 0.50));
        r.put("p99_ms", percentileMs(latencies, 0.99));
        r.put("max_ms", latencies.isEmpty() ? null : ms(latencies.get(latencies.size() - 1)));
        r.put("fail_rate", o.failRate());
        r.put("failing_endpoints", failingCount);
        r.put("attempts", attempts.get());
        r.put("redeliveries_same_id", redeliveries);
        r.put("invalid_signatures", invalidSignatures.get());
        r.put("activation_request_ms", activationMs);
        r.put("pending_at_end", pendingAtEnd);
        return JSON.writeValueAsString(r);
    }

    /** Nearest-rank percentile. */
    static Long percentileMs(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sortedNanos.size());
        return ms(sortedNanos.get(Math.max(0, rank - 1)));
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    // --- HTTP ------------------------------------------------------------------------------

    private String token(String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(o.supporterUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return expect(http.send(req, HttpResponse.BodyHandlers.ofString()), 200, "token for " + clientId)
                .path("access_token").asText();
    }

    private JsonNode post(String url, String token, Object body, int status) throws IOException,
            InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return expect(http.send(req, HttpResponse.BodyHandlers.ofString()), status, "POST " + url);
    }

    private JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        return expect(http.send(req, HttpResponse.BodyHandlers.ofString()), 200, "GET " + url);
    }

    private static JsonNode expect(HttpResponse<String> res, int status, String what) throws IOException {
        if (res.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + res.statusCode() + " (expected " + status + "): "
                    + res.body());
        }
        return res.body() == null || res.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(res.body());
    }

    private static Map<String, String> readSecrets(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: start the services with bin/ccall up first");
        }
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return m;
    }

    private static String require(Map<String, String> secrets, String key) {
        String v = secrets.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(key + " is not in the secrets file");
        }
        return v;
    }

    private static void log(String format, Object... args) {
        System.err.println("fanout bench: " + String.format(format, args));
    }
}
