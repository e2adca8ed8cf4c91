package org.christchurchcall.hashmatch.feed.service;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.christchurchcall.hashmatch.feed.ChangeKind;
import org.hibernate.Session;

/**
 * Writes the change log that the partner feed serves and every replica's index follows.
 *
 * <p>
 * Readers page through the log by {@code seq > cursor}, so the log must only ever grow at its
 * end as seen by a reader. A plain sequence does not give that: two transactions take numbers 7
 * and 8, the one holding 8 commits first, a reader serves 8 and moves its cursor past 7, and
 * when 7 commits nobody ever reads it. Here each writer takes a transaction-scoped advisory lock
 * just before it numbers its rows and keeps it until it commits; PostgreSQL makes a commit
 * visible before it releases the transaction's locks, so the next writer numbers its rows only
 * after the previous ones are visible. Numbers therefore follow commit order (a rolled-back
 * writer leaves a harmless gap). The lock is taken after the record rows are flushed, so it is
 * held only for one insert and the commit.
 */
@ApplicationScoped
public class ChangeLog {

    /** The advisory lock key that serialises change-log writers ("hashchlg"). */
    static final long WRITER_LOCK = 0x68617368_63686c67L;

    /** Fired with every append; observers after the commit apply the change at once (see IndexFollowerService). */
    public record Appended(ChangeKind kind, int count) {
    }

    @Inject
    EntityManager em;

    @Inject
    Event<Appended> appended;

    /** Appends one entry per record (by key), snapshotting the record's current status and labels. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Collection<Long> seqIds, ChangeKind kind) {
        if (seqIds.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, WRITER_LOCK);
                lock.execute();
            }
            Array ids = connection.createArrayOf("bigint", seqIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into hash_change (seq, hash_id, kind, status, labels, changed_at)
                    select nextval('hash_change_seq'), r.seq_id, ?, r.status, r.labels, clock_timestamp()
                    from (select seq_id, status, labels from hash_record where seq_id = any(?) order by seq_id) r
                    """)) {
                insert.setString(1, kind.code());
                insert.setArray(2, ids);
                insert.executeUpdate();
            } finally {
                ids.free();
            }
        });
        appended.fire(new Appended(kind, seqIds.size()));
    }
}
