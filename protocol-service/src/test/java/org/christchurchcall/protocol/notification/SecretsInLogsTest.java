package org.christchurchcall.protocol.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.contact.service.ContactDirectory;
import org.christchurchcall.protocol.contact.service.SecretReencryption;
import org.christchurchcall.protocol.support.Db;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.Hooks;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A fan-out to every participant endpoint, with retries, a dead letter and a row that does not
 * decrypt, while every log record of the service is captured (our packages and the REST and OIDC
 * clients at DEBUG): no record shows a signing secret, an encryption key or the client secret.
 */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class SecretsInLogsTest {

    /** The categories lowered to DEBUG for the test: ours and those that handle secrets on the wire. */
    static final List<String> CATEGORIES = List.of("org.christchurchcall", "io.quarkus.oidc.client",
            "io.quarkus.rest.client", "org.jboss.resteasy.reactive.client", "io.quarkus.scheduler");

    @Inject
    DataSource ds;

    @Inject
    SecretReencryption reencryption;

    @Inject
    ContactDirectory contacts;

    /** Everything a record could print: the formatted message, its raw parts and any stack trace. */
    static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord r) {
            StringBuilder sb = new StringBuilder(r.getLoggerName()).append(' ').append(r.getMessage());
            if (r instanceof ExtLogRecord ext) {
                sb.append(' ').append(ext.getFormattedMessage());
            }
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    sb.append(' ').append(p);
                }
            }
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                sb.append(' ').append(w);
            }
            lines.add(sb.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void noLogLineOfAFanOutShowsASecret() {
        WireMockPeers.reset();
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Map<Logger, Level> levels = new LinkedHashMap<>();
        for (String c : CATEGORIES) {
            Logger l = Logger.getLogger(c);
            levels.put(l, l.getLevel());
            l.setLevel(Level.FINE);
        }
        root.addHandler(capture);
        try {
            fanOut();
        } finally {
            root.removeHandler(capture);
            levels.forEach(Logger::setLevel);
        }

        Map<String, String> secrets = new LinkedHashMap<>();
        for (World.Supporter s : World.ALL) {
            for (World.Hook h : s.hooks()) {
                secrets.put(s.name() + "'s signing secret", h.secret().substring("whsec_".length()));
            }
        }
        for (String key : List.of("test", "old")) {
            secrets.put("encryption key " + key,
                    ConfigProvider.getConfig().getValue("ccall.secrets.keys." + key, String.class));
        }
        secrets.put("protocol-service's client secret", WireMockPeers.CLIENT_SECRET);
        List<String> lines = List.copyOf(capture.lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("dead-lettered")), "the capture saw the dead letter");
        assertTrue(lines.stream().anyMatch(l -> l.contains("cannot be decrypted")), "and the unreadable row");
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            secrets.forEach((what, value) -> {
                if (line.contains(value)) {
                    leaks.add(what + " in: " + line);
                }
            });
        }
        assertEquals(List.of(), leaks, lines.size() + " log records searched");
    }

    private void fanOut() {
        for (String code : List.of(World.RETRY_PROTOCOL, World.DEAD_PROTOCOL)) {
            if (given().auth().oauth2(TestTokens.secretariat()).get("/api/v1/protocols/" + code).statusCode() == 404) {
                given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                        .body(Map.of("code", code, "name", "Test " + code, "description", "for delivery tests",
                                "requiresSecondApproval", false,
                                "levels", List.of(Map.of("code", "alert", "name", "Alert", "description", ""))))
                        .post("/api/v1/protocols").then().statusCode(201);
            }
        }
        String coordinator = TestTokens.withRoles("secretariat", "crisis-coordinator");
        List<String> incidents = new ArrayList<>();
        incidents.add(Fixtures.activeIncident("ccscrp", "awareness", false));
        incidents.add(Fixtures.activeIncident("eu-crisis-protocol", "crisis", false));
        for (String protocol : List.of(World.RETRY_PROTOCOL, World.DEAD_PROTOCOL)) {
            String id = Fixtures.reportIncident(TestTokens.secretariat(), List.of(protocol), false);
            Fixtures.transition(coordinator, id, "assessing", null, null).statusCode(200);
            Fixtures.activate(coordinator, id, protocol, "alert").statusCode(201);
            incidents.add(id);
        }
        Db db = new Db(ds);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from notification where status = 'pending'") == 0);
        // ccscrp: New Zealand, France, LINE; eu-crisis-protocol: New Zealand, France, the European Commission
        for (World.Supporter s : List.of(World.NZ, World.FR, World.LINE)) {
            Hooks.received(s, incidents.get(0)).forEach(r -> Hooks.assertSigned(s, r));
            assertTrue(!Hooks.received(s, incidents.get(0)).isEmpty(), s.name() + " was notified");
        }
        for (World.Supporter s : List.of(World.NZ, World.FR, World.EC)) {
            assertTrue(!Hooks.received(s, incidents.get(1)).isEmpty(), s.name() + " was notified");
        }
        Hooks.received(World.FLAKY, incidents.get(2)).forEach(r -> Hooks.assertSigned(World.FLAKY, r));
        assertEquals(1, db.count("select count(*) from notification where status = 'dead-lettered' and incident_id = ?",
                java.util.UUID.fromString(incidents.get(3))));
        // a ciphertext copied onto another endpoint's row: reading it fails, and says so in the log
        db.exec("update webhook_endpoint set signing_secret = (select signing_secret from webhook_endpoint where id = ?),"
                + " signing_secret_key_id = 'old' where id = ?", World.NZ.hook().id(), World.JVC.hook().id());
        assertEquals(1, reencryption.reencryptAll().unreadable());
        contacts.refresh();
    }
}
