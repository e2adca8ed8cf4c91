package org.christchurchcall.protocol.contact;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.christchurchcall.protocol.contact.service.ContactDirectory;
import org.christchurchcall.protocol.contact.service.EndpointSecrets;
import org.christchurchcall.protocol.contact.service.SecretReencryption;
import org.christchurchcall.protocol.secret.SealedSecret;
import org.christchurchcall.protocol.secret.Secret;
import org.christchurchcall.protocol.secret.SecretKeyRing;
import org.christchurchcall.protocol.support.Db;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.Hooks;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Webhook signing secrets in protocol-service's database: encrypted under the active key, bound
 * to their row, absent from the outbox, and still usable after a key rotation.
 */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class SecretsAtRestTest {

    @Inject
    DataSource ds;

    @Inject
    ContactDirectory contacts;

    @Inject
    EndpointSecrets secrets;

    @Inject
    SecretReencryption reencryption;

    record Stored(UUID id, String secret, String keyId) {
        @Override
        public String toString() {
            return "Stored[id=" + id + ", keyId=" + keyId + "]";
        }
    }

    @BeforeEach
    void freshContacts() {
        WireMockPeers.reset();
        assertTrue(contacts.refresh().fresh());
    }

    @AfterEach
    void restoreContacts() {
        // rows this test altered are stored anew from supporter-service's copy
        WireMockPeers.reset();
        contacts.refresh();
    }

    @Test
    void theDatabaseHoldsNoPlainSigningSecret() throws SQLException {
        String id = Fixtures.activeIncident("ccscrp", "awareness", false);
        Db db = new Db(ds);
        UUID incident = UUID.fromString(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                "select count(*) from notification where incident_id = ? and status = 'delivered'", incident) >= 3
                && db.count("select count(*) from notification where incident_id = ? and status = 'pending'",
                        incident) == 0);
        List<World.Supporter> withHooks = World.ALL.stream().filter(s -> !s.hooks().isEmpty()).toList();
        for (World.Supporter s : withHooks) {
            Stored row = stored(s.hook().id());
            assertEquals("test", row.keyId(), "encrypted under the active key");
            assertFalse(row.secret().contains(s.hook().secret().substring("whsec_".length())),
                    "no plain secret in webhook_endpoint for " + s.name());
            assertEquals(s.hook().secret(), secrets.open(row.id(), row.secret(), row.keyId()).orElseThrow().reveal());
        }
        // no column of any table carries a secret: the outbox has none of its own
        assertEquals(0, db.count("select count(*) from information_schema.columns where table_schema = current_schema()"
                + " and table_name = 'notification' and column_name like '%secret%'"));
        for (String table : List.of("webhook_endpoint", "notification", "timeline_entry", "crisis_contact",
                "incident_participant", "incident", "activation")) {
            String dump = dump(table);
            for (World.Supporter s : withHooks) {
                String plain = s.hook().secret().substring("whsec_".length());
                assertFalse(dump.contains(plain), table + " holds " + s.name() + "'s secret");
            }
        }
    }

    @Test
    void aCiphertextMovedToAnotherEndpointDoesNotDecryptAndTheNextRefreshRepairsIt() throws SQLException {
        Stored nz = stored(World.NZ.hook().id());
        new Db(ds).exec("update webhook_endpoint set signing_secret = ?, signing_secret_key_id = ? where id = ?",
                nz.secret(), nz.keyId(), World.FR.hook().id());
        assertEquals(Optional.empty(), secrets.open(World.FR.hook().id(), nz.secret(), nz.keyId()));
        assertTrue(contacts.refresh().fresh());
        Stored fr = stored(World.FR.hook().id());
        assertNotEquals(nz.secret(), fr.secret());
        assertEquals(World.FR.hook().secret(), secrets.open(fr.id(), fr.secret(), fr.keyId()).orElseThrow().reveal());
    }

    /**
     * Rotation: New Zealand's secret written under key "old" (active before the rotation) still
     * signs deliveries now that "test" is active, and the re-encryption pass moves it, and any row
     * still in plain text from before V3, under "test".
     */
    @Test
    void aSecretWrittenUnderTheOldKeyStillSignsAndIsReencryptedUnderTheActiveKey() throws SQLException {
        SecretKeyRing beforeRotation = new SecretKeyRing(
                Map.of("old", ConfigProvider.getConfig().getValue("ccall.secrets.keys.old", String.class)),
                Optional.of("old"));
        SealedSecret underOld = beforeRotation.seal(World.NZ.hook().secret(),
                ("webhook_endpoint.signing_secret:" + World.NZ.hook().id()).getBytes(StandardCharsets.US_ASCII));
        Db db = new Db(ds);
        db.exec("update webhook_endpoint set signing_secret = ?, signing_secret_key_id = 'old' where id = ?",
                underOld.ciphertext(), World.NZ.hook().id());
        // a row as V3 leaves one written before it: plain text, no key id; and two more at both ends of
        // PostgreSQL's uuid order, which the re-encryption pages through (the refresh after the test removes them)
        db.exec("update webhook_endpoint set signing_secret = ?, signing_secret_key_id = null where id = ?",
                World.LINE.hook().secret(), World.LINE.hook().id());
        List<UUID> extremes = List.of(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        for (UUID extreme : extremes) {
            db.exec("insert into webhook_endpoint (id, supporter_id, url, protocols, signing_secret, active) "
                    + "values (?, ?, 'https://hooks.example/x', '[]'::jsonb, ?, false)", extreme, World.LINE.id(),
                    World.LINE.hook().secret());
        }

        // delivered without a contacts refresh, so signed with the secret read under the old key
        String id = Fixtures.reportIncident(World.NZ.member(), List.of("ccscrp"), false);
        UUID incident = UUID.fromString(id);
        UUID webhookId = UUID.randomUUID();
        db.exec("insert into notification (id, event_id, event_type, incident_id, supporter_id, endpoint_id, url, "
                + "payload, status, attempts, created_at, next_attempt_at) values "
                + "(?, ?, 'incident.situational-update', ?, ?, ?, ?, ?, 'pending', 0, now(), now())",
                webhookId, UUID.randomUUID(), incident, World.NZ.id(), World.NZ.hook().id(),
                WireMockPeers.base() + World.NZ.hook().path(), "{\"incident\":{\"id\":\"" + id + "\"}}");
        db.exec("insert into incident_participant (incident_id, supporter_id, supporter_name, first_notified_at) "
                + "values (?, ?, 'New Zealand', now())", incident, World.NZ.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                "select count(*) from notification where id = ? and status = 'delivered'", webhookId) == 1);
        var received = Hooks.received(World.NZ, id);
        assertEquals(1, received.size());
        Hooks.assertSigned(World.NZ, received.get(0));

        SecretReencryption.Result r = reencryption.reencryptAll();
        assertEquals(4, r.reencrypted());
        assertEquals(0, r.unreadable());
        for (World.Supporter s : List.of(World.NZ, World.LINE)) {
            Stored row = stored(s.hook().id());
            assertEquals("test", row.keyId());
            assertFalse(row.secret().contains(s.hook().secret().substring("whsec_".length())));
            Secret opened = secrets.open(row.id(), row.secret(), row.keyId()).orElseThrow();
            assertEquals(s.hook().secret(), opened.reveal());
        }
        for (UUID extreme : extremes) {
            Stored row = stored(extreme);
            assertEquals("test", row.keyId());
            assertEquals(World.LINE.hook().secret(),
                    secrets.open(row.id(), row.secret(), row.keyId()).orElseThrow().reveal());
        }
        assertEquals(0, reencryption.reencryptAll().reencrypted(), "nothing left under another key");
        assertEquals(0, db.count("select count(*) from webhook_endpoint where signing_secret_key_id is distinct from 'test'"));
    }

    private Stored stored(UUID endpointId) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select signing_secret, signing_secret_key_id from webhook_endpoint where id = ?")) {
            ps.setObject(1, endpointId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "endpoint " + endpointId + " is stored");
                return new Stored(endpointId, rs.getString(1), rs.getString(2));
            }
        }
    }

    /** Every row of a table as text. */
    private String dump(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select t::text from " + table + " t");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return String.join("\n", rows);
    }
}
