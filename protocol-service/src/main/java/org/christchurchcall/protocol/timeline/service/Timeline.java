package org.christchurchcall.protocol.timeline.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.json.CanonicalJson;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.timeline.TimelineChain;
import org.christchurchcall.protocol.timeline.TimelineEntry;

/** Appends to and verifies incident timelines. */
@ApplicationScoped
public class Timeline {

    private static final String INSERT = "insert into timeline_entry (incident_id, position, id, recorded_at, kind, "
            + "actor, payload, prev_hash, hash, chain_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    /**
     * Appends an entry in the caller's transaction. Appends to one incident are serialised with
     * a transaction-scoped advisory lock so that two writers never chain to the same predecessor;
     * the unique (incident, position) constraint backs this up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(Incident incident, String kind, String actor, Map<String, ?> data) {
        lock(incident);
        TimelineEntry e = next(incident, last(incident), kind, actor, data);
        e.persist();
        return e;
    }

    /**
     * Appends several entries of one kind under one acquisition of the incident's lock, written
     * as one JDBC batch on the transaction's connection: the delivery worker records a burst of
     * deliveries this way instead of queuing on the lock, and paying a round trip, per delivery.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(Incident incident, String kind, String actor, List<? extends Map<String, ?>> data) {
        lock(incident);
        TimelineEntry last = last(incident);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Map<String, ?> d : data) {
                TimelineEntry e = next(incident, last, kind, actor, d);
                ps.setObject(1, e.incidentId);
                ps.setInt(2, e.position);
                ps.setObject(3, e.id);
                ps.setObject(4, e.recordedAt.atOffset(ZoneOffset.UTC));
                ps.setString(5, e.kind);
                ps.setString(6, e.actor);
                ps.setString(7, e.payload);
                ps.setString(8, e.prevHash);
                ps.setString(9, e.hash);
                ps.setInt(10, e.chainVersion);
                ps.addBatch();
                last = e;
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("appending to the timeline failed", e);
        }
    }

    private void lock(Incident incident) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) l")
                .setParameter("key", lockKey(incident.id)).getSingleResult();
    }

    private static TimelineEntry last(Incident incident) {
        return TimelineEntry.find("incidentId = ?1 order by position desc", incident.id).firstResult();
    }

    private static TimelineEntry next(Incident incident, TimelineEntry last, String kind, String actor,
            Map<String, ?> data) {
        Map<String, Object> payload = new LinkedHashMap<>(data);
        payload.put("exercise", incident.exercise);
        TimelineEntry e = new TimelineEntry();
        e.incidentId = incident.id;
        e.position = last == null ? 1 : last.position + 1;
        e.id = UUID.randomUUID();
        e.recordedAt = TimelineChain.normalise(Instant.now());
        e.kind = kind;
        e.actor = actor;
        e.chainVersion = TimelineChain.CURRENT_VERSION;
        e.payload = CanonicalJson.write(payload);
        e.prevHash = last == null ? TimelineChain.GENESIS : last.hash;
        e.hash = TimelineChain.hash(e.link());
        return e;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TimelineChain.Verdict verify(UUID incidentId) {
        List<TimelineEntry> entries = TimelineEntry.list("incidentId = ?1 order by position", incidentId);
        return TimelineChain.verify(entries.stream().map(e -> new TimelineChain.Stored(e.link(), e.hash)).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TimelineEntry> page(UUID incidentId, int afterPosition, int limitPlusOne) {
        return TimelineEntry.find("incidentId = ?1 and position > ?2 order by position", incidentId, afterPosition)
                .page(0, limitPlusOne).list();
    }

    /** The entry with this id, if it is on this incident's timeline. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TimelineEntry> entry(UUID incidentId, UUID entryId) {
        TimelineEntry e = TimelineEntry.find("id", entryId).firstResult();
        return e == null || !e.incidentId.equals(incidentId) ? Optional.empty() : Optional.of(e);
    }

    /** The id of the entry at this position of the incident's timeline, or null where there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID entryIdAt(UUID incidentId, int position) {
        TimelineEntry e = TimelineEntry.find("incidentId = ?1 and position = ?2", incidentId, position).firstResult();
        return e == null ? null : e.id;
    }

    /** Whether the incident exists at all (the verifier may check any incident, visible or not). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean incidentExists(UUID incidentId) {
        return Incident.findById(incidentId) != null;
    }

    static long lockKey(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }
}
