package org.christchurchcall.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.christchurchcall.bench.WebhookReceiver.Endpoint;
import org.christchurchcall.platform.webhook.WebhookVerifier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code bin/ccall bench fanout}: how fast an activation reaches every participant, against a
 * supporter-service (with the demo register) and a protocol-service that {@code bin/ccall} starts for
 * the bench on databases of its own ({@code supporter_bench}, {@code protocol_bench}), never the demo's.
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
 * <p>The receiver ({@link WebhookReceiver}) verifies each signature and its timestamp (platform's
 * {@code WebhookVerifier}, 5 minutes' tolerance) as a participant would and de-duplicates on
 * {@code webhook-id}. Per endpoint it records the time to the first accepted delivery. An
 * endpoint with no accepted delivery within {@code --timeout-s} counts as lost; an endpoint that
 * accepted the event under more than one webhook id counts towards duplicates after de-dup.
 * The run ends when protocol-service reports no pending notification for the incident; the bench
 * supporters are then withdrawn and the coordinator client revoked, so that later activations do
 * not notify endpoints that are gone.
 *
 * <p>Prints one JSON line on stdout; progress goes to stderr.
 *
 * <p>Over 300 lines on purpose: a benchmark reads top to bottom as one script (set-up, run,
 * checks, clean-up); its helpers are already separate classes.
 */
public final class FanoutBench {

    private static final String BENCH_PREFIX = "Fanout bench ";
    private static final String USAGE = "usage: bin/ccall bench fanout [--endpoints 200] [--fail-rate 0.2]"
            + " [--fail-attempts 2] [--timeout-s 60] [--protocol ccscrp] [--level coordinated-response]"
            + " [--supporter-url URL] [--protocol-url URL] [--seed 42] [--setup-threads 8]";

    private final Args a;
    private final int count;
    private final String supporterUrl;
    private final String protocolUrl;
    private final String protocol;
    private final JsonApi api = new JsonApi();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    /** The bench supporters: their ids and versions, by endpoint index. */
    private final UUID[] supporterIds;
    private final long[] supporterVersions;

    FanoutBench(Args a) {
        this.a = a;
        this.count = a.intValue("--endpoints", 200);
        this.supporterUrl = a.value("--supporter-url", "http://127.0.0.1:8101");
        this.protocolUrl = a.value("--protocol-url", "http://127.0.0.1:8102");
        this.protocol = a.value("--protocol", "ccscrp");
        double failRate = a.doubleValue("--fail-rate", 0);
        if (count < 1 || failRate < 0 || failRate > 1 || a.intValue("--fail-attempts", 2) < 0
                || a.intValue("--timeout-s", 60) < 1) {
            throw new IllegalArgumentException("need --endpoints >= 1, 0 <= --fail-rate <= 1, --fail-attempts >= 0,"
                    + " --timeout-s >= 1");
        }
        this.supporterIds = new UUID[count];
        this.supporterVersions = new long[count];
    }

    public static void main(String[] args) throws Exception {
        FanoutBench bench;
        try {
            bench = new FanoutBench(Args.parse(args).allowOnly("--endpoints", "--fail-rate", "--fail-attempts",
                    "--timeout-s", "--supporter-url", "--protocol-url", "--secrets", "--protocol", "--level", "--seed",
                    "--setup-threads"));
        } catch (IllegalArgumentException e) {
            System.err.println("fanout bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.println(JsonApi.JSON.writeValueAsString(bench.run()));
    }

    Map<String, Object> run() throws Exception {
        Map<String, String> secrets = readSecrets(Path.of(a.value("--secrets", ".local/secrets.env")));
        String secretariat = api.token(supporterUrl, "demo-secretariat", require(secrets, "DEMO_SECRETARIAT_SECRET"));
        withdrawLeftovers(secretariat);

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(a.longValue("--seed", 42)));
        Set<Integer> failing = Set.copyOf(order.subList(0, (int) Math.round(a.doubleValue("--fail-rate", 0) * count)));
        Endpoint[] endpoints = new Endpoint[count];
        for (int i = 0; i < count; i++) {
            endpoints[i] = new Endpoint(i, failing.contains(i));
        }
        String clientId = null;
        try (WebhookReceiver receiver = new WebhookReceiver(endpoints, a.intValue("--fail-attempts", 2))) {
            long setupStart = System.nanoTime();
            register(secretariat, receiver);
            // the coordinator role is the secretariat's grant, before a client may carry it
            api.put(supporterUrl + "/api/v1/supporters/" + supporterIds[0] + "/entitlements/roles/crisis-coordinator",
                    secretariat);
            JsonNode client = api.post(supporterUrl + "/api/v1/clients", secretariat, Map.of(
                    "name", BENCH_PREFIX + runId + " coordinator", "supporterId", supporterIds[0].toString(),
                    "roles", List.of("crisis-coordinator")), 201);
            clientId = client.path("id").asText();
            String coordinator = api.token(supporterUrl, client.path("clientId").asText(),
                    client.path("clientSecret").asText());
            log("registered %d supporters and endpoints (%d failing their first %d attempts) in %d ms", count,
                    failing.size(), a.intValue("--fail-attempts", 2), ms(System.nanoTime() - setupStart));

            JsonNode incident = api.post(protocolUrl + "/api/v1/incidents", coordinator, report(), 201);
            String incidentId = incident.path("id").asText();
            api.post(protocolUrl + "/api/v1/incidents/" + incidentId + "/transitions", coordinator,
                    Map.of("to", "assessing", "version", incident.path("version").asLong()), 200);

            long t0 = System.nanoTime();
            receiver.await(event -> incidentId.equals(event.path("incident").path("id").asText())
                    && "incident.activated".equals(event.path("type").asText()), t0);
            try {
                api.post(protocolUrl + "/api/v1/incidents/" + incidentId + "/activations", coordinator, activation(),
                        201);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "\n(a 403 'does not participate' means protocol-service"
                        + " could not refresh crisis contacts from supporter-service: see its log, e.g. whether its"
                        + " service client gets a token)", e);
            }
            long activationMs = ms(System.nanoTime() - t0);
            log("activated %s for exercise incident %s (request took %d ms)", protocol, incidentId, activationMs);

            boolean all = receiver.allDelivered(a.intValue("--timeout-s", 60), TimeUnit.SECONDS);
            long pending = awaitOutboxSettled(coordinator, incidentId, all ? 30 : 5);
            return result(receiver, failing.size(), activationMs, pending);
        } finally {
            cleanUp(secretariat, clientId);
        }
    }

    // --- the participants ------------------------------------------------------------------

    /** One supporter per endpoint, admitted, with its webhook; in parallel, as onboarding would be. */
    private void register(String secretariat, WebhookReceiver receiver) throws Exception {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (Endpoint e : receiver.endpoints) {
            tasks.add(() -> {
                JsonNode s = api.post(supporterUrl + "/api/v1/supporters", secretariat, Map.of(
                        "name", String.format("%s%s participant %03d", BENCH_PREFIX, runId, e.index),
                        "type", "company", "country", "NZ"), 201);
                UUID id = UUID.fromString(s.path("id").asText());
                supporterIds[e.index] = id;
                JsonNode admitted = api.post(supporterUrl + "/api/v1/supporters/" + id + "/admit", secretariat,
                        Map.of("version", s.path("version").asLong(), "joinedOn", LocalDate.now().toString()), 200);
                supporterVersions[e.index] = admitted.path("version").asLong();
                // participation is the secretariat's grant; the webhook then asks to be notified
                api.put(supporterUrl + "/api/v1/supporters/" + id + "/entitlements/protocols/" + protocol, secretariat);
                JsonNode w = api.post(supporterUrl + "/api/v1/supporters/" + id + "/webhooks", secretariat,
                        Map.of("url", receiver.base() + e.index, "protocols", List.of(protocol)), 201);
                e.verifier = new WebhookVerifier(w.path("signingSecret").asText());
                return null;
            });
        }
        inParallel(tasks);
    }

    private void inParallel(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(a.intValue("--setup-threads", 8));
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Bench supporters of a run that did not finish would be notified by every later activation. */
    private void withdrawLeftovers(String secretariat) throws Exception {
        String url = supporterUrl + "/api/v1/supporters?status=active&limit=500";
        List<JsonNode> leftovers = new ArrayList<>();
        while (url != null) {
            JsonNode page = api.get(url, secretariat);
            for (JsonNode s : page.path("items")) {
                if (s.path("name").asText().startsWith(BENCH_PREFIX)) {
                    leftovers.add(s);
                }
            }
            String next = page.path("next").asText(null);
            url = next == null || next.isBlank() ? null : URI.create(supporterUrl).resolve(next).toString();
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
                api.post(supporterUrl + "/api/v1/clients/" + clientId + "/revoke", secretariat,
                        Map.of("reason", "fan-out benchmark finished"), 200);
            }
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                UUID id = supporterIds[i];
                long version = supporterVersions[i];
                if (id != null) {
                    tasks.add(() -> {
                        withdraw(secretariat, id.toString(), version);
                        return null;
                    });
                }
            }
            inParallel(tasks);
        } catch (Exception e) {
            log("clean-up incomplete (the next run withdraws what is left): %s", e);
        }
    }

    private void withdraw(String secretariat, String supporterId, long version) throws IOException,
            InterruptedException {
        api.post(supporterUrl + "/api/v1/supporters/" + supporterId + "/withdraw", secretariat,
                Map.of("version", version, "reason", "fan-out benchmark finished"), 200);
    }

    // --- the incident ----------------------------------------------------------------------

    private Map<String, Object> report() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", "Fan-out benchmark " + runId);
        r.put("description", "Benchmark of notification fan-out to " + count + " webhook endpoints.");
        r.put("occurredAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString());
        r.put("location", "Benchmark");
        r.put("contentUrls", List.of());
        r.put("platforms", List.of());
        r.put("contentTypes", List.of("video"));
        r.put("protocols", List.of(protocol));
        // an exercise: labelled as such in every notification and left out of published figures
        r.put("exercise", true);
        return r;
    }

    private Map<String, Object> activation() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("protocol", protocol);
        a.put("level", this.a.value("--level", "coordinated-response"));
        a.put("criteria", Map.of("ongoingEvent", true, "perpetratorProducedContent", true,
                "murderOrAttemptedMurder", true, "onOrSpreadingToMemberPlatforms", true));
        a.put("decision", "Fan-out benchmark");
        return a;
    }

    /**
     * Waits until protocol-service has no pending notification for the bench participants, so
     * that no retry can still arrive when the duplicates are counted; returns what is still pending.
     */
    private long awaitOutboxSettled(String coordinator, String incidentId, int seconds) throws Exception {
        Set<String> ours = new java.util.HashSet<>();
        for (UUID id : supporterIds) {
            ours.add(id.toString());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long pending;
        do {
            pending = 0;
            JsonNode page = api.get(protocolUrl + "/api/v1/incidents/" + incidentId + "/participants", coordinator);
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

    private Map<String, Object> result(WebhookReceiver receiver, int failingCount, long activationMs,
            long pendingAtEnd) {
        List<Long> latencies = new ArrayList<>();
        int duplicates = 0;
        int redeliveries = 0;
        for (Endpoint e : receiver.endpoints) {
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
        r.put("endpoints", count);
        r.put("delivered", latencies.size());
        r.put("lost", count - latencies.size());
        r.put("duplicates_after_dedup", duplicates);
        r.put("p50_ms", percentileMs(latencies, 0.50));
        r.put("p99_ms", percentileMs(latencies, 0.99));
        r.put("max_ms", latencies.isEmpty() ? null : ms(latencies.get(latencies.size() - 1)));
        r.put("fail_rate", a.doubleValue("--fail-rate", 0));
        r.put("failing_endpoints", failingCount);
        r.put("attempts", receiver.attempts.get());
        r.put("redeliveries_same_id", redeliveries);
        r.put("invalid_signatures", receiver.invalidSignatures.get());
        r.put("activation_request_ms", activationMs);
        r.put("pending_at_end", pendingAtEnd);
        return r;
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
