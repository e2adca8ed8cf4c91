package org.christchurchcall.protocol.contact.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.christchurchcall.protocol.secret.SealedSecret;
import org.christchurchcall.protocol.secret.Secret;
import org.christchurchcall.protocol.secret.SecretKeyRing;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings every stored signing secret under the active key at start-up: rows still in plain text
 * (written before V3) are encrypted, rows under an older key are re-encrypted. A key rotation is
 * a restart with the new key active and the old one still configured; once this has run (the log
 * says how many rows remain under other keys) the old key can be removed.
 *
 * <p>Runs in the application rather than in a Flyway Java migration because only the
 * application has the keys, and because the same pass serves every later rotation. Each row is
 * updated only if it still holds what was read, so a concurrent contacts refresh or another
 * replica doing the same at its start-up is never overwritten with an older secret.
 */
@ApplicationScoped
public class SecretReencryption {

    private static final Logger LOG = Logger.getLogger(SecretReencryption.class);
    private static final int BATCH = 200;

    private static final String SELECT = "select id, signing_secret, signing_secret_key_id from webhook_endpoint "
            + "where signing_secret_key_id is distinct from ? and (cast(? as uuid) is null or id > ?) order by id limit ?";
    private static final String UPDATE = "update webhook_endpoint set signing_secret = ?, signing_secret_key_id = ? "
            + "where id = ? and signing_secret = ? and signing_secret_key_id is not distinct from ?";

    @Inject
    EndpointSecrets secrets;

    @Inject
    SecretKeyRing keys;

    @Inject
    DataSource dataSource;

    void onStart(@Observes StartupEvent e) {
        Result r = reencryptAll();
        if (r.reencrypted() > 0 || r.unreadable() > 0) {
            LOG.infof("webhook signing secrets: %d re-encrypted under key %s, %d could not be decrypted (they are "
                    + "stored anew at the next contacts refresh)", r.reencrypted(), keys.activeKeyId(), r.unreadable());
        }
    }

    /** How many rows were brought under the active key, and how many could not be read. */
    public record Result(int reencrypted, int unreadable) {
    }

    public Result reencryptAll() {
        int done = 0;
        int unreadable = 0;
        // keyset paging in PostgreSQL's uuid order (unsigned bytes), starting before the first row
        UUID after = null;
        while (true) {
            UUID from = after;
            List<Row> rows = QuarkusTransaction.requiringNew().call(() -> pending(from));
            if (rows.isEmpty()) {
                return new Result(done, unreadable);
            }
            List<Row> work = new ArrayList<>();
            for (Row row : rows) {
                Optional<Secret> plain = secrets.open(row.id(), row.stored(), row.keyId());
                if (plain.isEmpty()) {
                    unreadable++;
                } else {
                    work.add(new Row(row.id(), row.stored(), row.keyId(), secrets.seal(row.id(), plain.get().reveal())));
                }
            }
            done += QuarkusTransaction.requiringNew().call(() -> update(work));
            after = rows.get(rows.size() - 1).id();
        }
    }

    /** {@code stored} is plain text on a row from before V3, so it stays out of toString. */
    private record Row(UUID id, String stored, String keyId, SealedSecret sealed) {
        @Override
        public String toString() {
            return "Row[id=" + id + ", keyId=" + keyId + "]";
        }
    }

    private List<Row> pending(UUID after) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, keys.activeKeyId());
            ps.setObject(2, after);
            ps.setObject(3, after);
            ps.setInt(4, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), null));
                }
            }
        }
        return out;
    }

    private int update(List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (Row r : rows) {
                ps.setString(1, r.sealed().ciphertext());
                ps.setString(2, r.sealed().keyId());
                ps.setObject(3, r.id());
                ps.setString(4, r.stored());
                ps.setString(5, r.keyId());
                ps.addBatch();
            }
            for (int updated : ps.executeBatch()) {
                n += Math.max(updated, 0);
            }
        }
        return n;
    }
}
