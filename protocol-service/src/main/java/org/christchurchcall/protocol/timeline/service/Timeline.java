package org.christchurchcall.protocol.timeline.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.timeline.TimelineChain;
import org.christchurchcall.protocol.timeline.TimelineEntry;

/** Appends to and verifies incident timelines. */
@ApplicationScoped
public class Timeline {

    @Inject
    EntityManager em;

    /**
     * Appends an entry in the caller's transaction. Appends to one incident are serialised with
     * a transaction-scoped advisory lock so that two writers never chain to the same predecessor;
     * the unique (incident, position) constraint backs this up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(Incident incident, String kind, String actor, Map<String, ?> data) {
        return appendAll(incident, kind, actor, List.of(data)).get(0);
    }

    /**
     * Appends several entries of one kind under one acquisition of the incident's lock: the
     * delivery worker records a burst of deliveries this way instead of queuing on the lock once
     * per delivery.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEntry> appendAll(Incident incident, String kind, String actor,
            List<? extends Map<String, ?>> data) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) l")
                .setParameter("key", lockKey(incident.id)).getSingleResult();
        TimelineEntry last = TimelineEntry.find("incidentId = ?1 order by position desc", incident.id).firstResult();
        List<TimelineEntry> out = new ArrayList<>(data.size());
        for (Map<String, ?> d : data) {
            Map<String, Object> payload = new LinkedHashMap<>(d);
            payload.put("exercise", incident.exercise);
            TimelineEntry e = new TimelineEntry();
            e.incidentId = incident.id;
            e.position = last == null ? 1 : last.position + 1;
            e.id = UUID.randomUUID();
            e.recordedAt = TimelineChain.normalise(Instant.now());
            e.kind = kind;
            e.actor = actor;
            e.payload = CanonicalJson.write(payload);
            e.prevHash = last == null ? TimelineChain.GENESIS : last.hash;
            e.hash = TimelineChain.hash(e.link());
            e.persist();
            out.add(e);
            last = e;
        }
        return out;
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

    static long lockKey(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }
}
