package org.christchurchcall.platform.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification examples of docs/webhooks.md work: the shell snippet is run with bash on
 * deliveries signed by {@link WebhookSignature} (protocol-service's signer), and the Java snippet is
 * {@link #receive} below, word for word.
 */
class WebhookDocExamplesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    // webhook-java:start
    /** Answers a webhook delivery: 204 when it is authentic and current, 401 when it is not. */
    static int receive(WebhookVerifier verifier, Map<String, String> headers, byte[] rawBody) {
        try {
            verifier.verify(headers.get("webhook-id"), headers.get("webhook-timestamp"),
                    headers.get("webhook-signature"), rawBody);
        } catch (WebhookVerificationException e) {
            // e.reason(): MALFORMED, TOO_OLD, TOO_NEW or NO_MATCHING_SIGNATURE; the message is safe to log
            return 401;
        }
        // drop a webhook-id already accepted within the last 5 minutes, queue the event, answer at once
        return 204;
    }
    // webhook-java:end

    @TempDir
    Path dir;

    @Test
    void theJavaExampleIsThisTestsCode() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/org/christchurchcall/platform/webhook/"
                + "WebhookDocExamplesTest.java"));
        int from = source.indexOf("    // webhook-java:start");
        int to = source.indexOf("    // webhook-java:end");
        StringBuilder code = new StringBuilder();
        for (String line : source.subList(from + 1, to)) {
            code.append(line.startsWith("    ") ? line.substring(4) : line).append('\n');
        }
        String block = fenced(doc(), "webhook-java", "java");
        String imports = "import org.christchurchcall.platform.webhook.WebhookVerificationException;\n"
                + "import org.christchurchcall.platform.webhook.WebhookVerifier;\n\n";
        assertEquals(imports + code, block, "docs/webhooks.md's Java example must be WebhookDocExamplesTest.receive");
    }

    @Test
    void theJavaExampleAcceptsAGoodDeliveryAndRefusesATamperedOne() {
        String secret = secret();
        String body = body();
        Map<String, String> headers = signed(secret, body, Instant.now().getEpochSecond());
        WebhookVerifier verifier = new WebhookVerifier(secret);
        assertEquals(204, receive(verifier, headers, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, receive(verifier, headers, body.replace("level-1", "level-2").getBytes(StandardCharsets.UTF_8)));
        Map<String, String> old = signed(secret, body, Instant.now().getEpochSecond() - 301);
        assertEquals(401, receive(verifier, old, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShellExampleAcceptsAGoodDelivery() throws Exception {
        String secret = secret();
        String body = body();
        Map<String, String> headers = signed(secret, body, Instant.now().getEpochSecond());
        Result r = runShell(secret, headers, body);
        assertEquals(0, r.exit(), r.output());
        assertEquals("verified", r.output().trim());
    }

    @Test
    void theShellExampleAcceptsOneOfSeveralSignatures() throws Exception {
        String secret = secret();
        String body = body();
        Map<String, String> headers = signed(secret, body, Instant.now().getEpochSecond());
        String other = WebhookSignature.sign(secret(), headers.get("webhook-id"),
                Long.parseLong(headers.get("webhook-timestamp")), body);
        headers.put("webhook-signature", other + " " + headers.get("webhook-signature"));
        assertEquals(0, runShell(secret, headers, body).exit());
    }

    @Test
    void theShellExampleRefusesTamperedBodiesIdsSecretsAndOldTimestamps() throws Exception {
        String secret = secret();
        String body = body();
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = signed(secret, body, now);
        assertEquals(1, runShell(secret, headers, body.replace("level-1", "level-2")).exit(), "tampered body");
        Map<String, String> otherId = new HashMap<>(headers);
        otherId.put("webhook-id", UUID.randomUUID().toString());
        assertEquals(1, runShell(secret, otherId, body).exit(), "another id");
        assertEquals(1, runShell(secret(), headers, body).exit(), "another secret");
        Result old = runShell(secret, signed(secret, body, now - 301), body);
        assertEquals(1, old.exit(), "older than 5 minutes");
        assertTrue(old.output().contains("5 minutes"), old.output());
        // taken afresh, with a margin: the runs above take seconds, and a timestamp only 301 s ahead of
        // the test's start would be within 5 minutes of the script's clock by now
        long future = Instant.now().getEpochSecond() + 360;
        assertEquals(1, runShell(secret, signed(secret, body, future), body).exit(), "from the future");
    }

    private record Result(int exit, String output) {
    }

    private Result runShell(String secret, Map<String, String> headers, String body) throws Exception {
        Path bodyFile = Files.createTempFile(dir, "body", ".json");
        Files.writeString(bodyFile, body, StandardCharsets.UTF_8);
        Path script = dir.resolve("verify.sh");
        Files.writeString(script, fenced(doc(), "webhook-shell", "sh"));
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("WEBHOOK_SECRET", secret);
        pb.environment().put("WEBHOOK_ID", headers.get("webhook-id"));
        pb.environment().put("WEBHOOK_TIMESTAMP", headers.get("webhook-timestamp"));
        pb.environment().put("WEBHOOK_SIGNATURE", headers.get("webhook-signature"));
        pb.environment().put("BODY_FILE", bodyFile.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the snippet finishes");
        return new Result(p.exitValue(), out);
    }

    private static Map<String, String> signed(String secret, String body, long timestamp) {
        String id = UUID.randomUUID().toString();
        Map<String, String> h = new HashMap<>();
        h.put("webhook-id", id);
        h.put("webhook-timestamp", Long.toString(timestamp));
        h.put("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body));
        return h;
    }

    private static String secret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** A body as protocol-service sends one, with non-ASCII text (the signature covers UTF-8 bytes). */
    private static String body() {
        return "{\"classification\":\"live\",\"data\":{\"level\":\"level-1\",\"protocol\":\"ccscrp\"},"
                + "\"eventId\":\"" + UUID.randomUUID() + "\",\"exercise\":false,\"incident\":{\"location\":"
                + "\"Ōtautahi Christchurch\",\"title\":\"Livestreamed attack\"},\"timestamp\":\"2026-03-15T02:05:00Z\","
                + "\"type\":\"incident.activated\"}";
    }

    static String doc() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/webhooks.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("docs/webhooks.md not found above " + Path.of("").toAbsolutePath());
        }
        return Files.readString(p.resolve("docs/webhooks.md"), StandardCharsets.UTF_8);
    }

    /** The fenced code block between {@code <!-- name:start -->} and {@code <!-- name:end -->}. */
    static String fenced(String doc, String name, String language) {
        int start = doc.indexOf("<!-- " + name + ":start -->");
        int end = doc.indexOf("<!-- " + name + ":end -->");
        assertTrue(start >= 0 && end > start, "markers of " + name + " in docs/webhooks.md");
        String part = doc.substring(start, end);
        String open = "```" + language + "\n";
        int from = part.indexOf(open) + open.length();
        int to = part.lastIndexOf("```");
        return part.substring(from, to);
    }
}
