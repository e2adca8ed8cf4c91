package org.christchurchcall.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import org.christchurchcall.platform.webhook.WebhookVerificationException;
import org.christchurchcall.platform.webhook.WebhookVerifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local webhook receiver that {@code bin/ccall up} starts for the demo government's and
 * company's endpoints ({@code http://127.0.0.1:8109/demo-government}, {@code .../demo-company}).
 * It checks each delivery as a participant must (platform's {@link WebhookVerifier}: the
 * signature with the endpoints' secret, the timestamp within 5 minutes) and writes one line per
 * delivery to its log:
 *
 * <pre>
 * 2026-05-15T01:02:03Z verified incident.activated incident=&lt;id&gt; webhook-id=&lt;id&gt; endpoint=/demo-company
 * 2026-05-15T01:02:04Z REJECTED (no-matching-signature: ...) incident.activated incident=... webhook-id=... endpoint=...
 * </pre>
 *
 * A verified delivery gets 204 (a repeated webhook-id, a retry, is logged as {@code verified repeat}
 * and acknowledged again); a rejected one 401, so protocol-service retries it as it would for a real
 * participant. {@code GET /health} answers 200 once it listens. The secret comes from the
 * environment ({@code CCALL_DEMO_WEBHOOK_SECRET}), never from the command line.
 *
 * <p>Usage: {@code DemoWebhookReceiver [--port 8109] [--log FILE]}; binds 127.0.0.1 only.
 */
public final class DemoWebhookReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookVerifier verifier;
    private final PrintStream log;
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    DemoWebhookReceiver(String secret, PrintStream log) {
        this.verifier = new WebhookVerifier(secret);
        this.log = log;
    }

    public static void main(String[] args) throws IOException {
        int port = 8109;
        Path logFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--log" -> logFile = Path.of(value(args, ++i));
                default -> usage("unknown argument " + args[i]);
            }
        }
        String secret = System.getenv("CCALL_DEMO_WEBHOOK_SECRET");
        if (secret == null || secret.isBlank()) {
            usage("CCALL_DEMO_WEBHOOK_SECRET (the demo endpoints' whsec_ secret) is not set");
        }
        PrintStream out = System.out;
        if (logFile != null) {
            out = new PrintStream(Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    true, StandardCharsets.UTF_8);
        }
        DemoWebhookReceiver receiver;
        try {
            receiver = new DemoWebhookReceiver(secret.trim(), out);
        } catch (IllegalArgumentException e) {
            usage("CCALL_DEMO_WEBHOOK_SECRET: " + e.getMessage());
            return;
        }
        receiver.listen(port);
        System.err.println("demo webhook receiver listening on http://127.0.0.1:" + port + "/");
    }

    /** Listens on 127.0.0.1 at the port (0: any free one). */
    HttpServer listen(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        return server;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod()) && "/health".equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 200, "ok\n");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "POST webhooks here\n");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(2 * 1024 * 1024);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String what = describe(body) + " webhook-id=" + id + " endpoint=" + exchange.getRequestURI().getPath();
            try {
                verifier.verify(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body);
            } catch (WebhookVerificationException e) {
                line("REJECTED (" + e.reason().name().toLowerCase().replace('_', '-') + ": " + e.getMessage() + ") " + what);
                respond(exchange, 401, "rejected: " + e.getMessage() + "\n");
                return;
            }
            boolean repeat;
            synchronized (seen) {
                repeat = !seen.add(id);
            }
            line((repeat ? "verified repeat " : "verified ") + what);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** The event type and incident id of a delivery's body, or what is wrong with it. */
    static String describe(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.path("type").asText("?") + " incident=" + n.path("incident").path("id").asText("?");
        } catch (IOException e) {
            return "(not JSON)";
        }
    }

    private void line(String text) {
        synchronized (log) {
            log.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + text);
            log.flush();
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, b.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(b);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("demo webhook receiver: " + problem);
        System.err.println("usage: CCALL_DEMO_WEBHOOK_SECRET=whsec_... DemoWebhookReceiver [--port 8109] [--log FILE]");
        System.exit(2);
    }
}
