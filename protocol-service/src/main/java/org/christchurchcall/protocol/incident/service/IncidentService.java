package org.christchurchcall.protocol.incident.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.protocol.contact.service.ContactSnapshot;
import org.christchurchcall.protocol.incident.Activation;
import org.christchurchcall.protocol.incident.IllegalTransitionException;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.incident.IncidentLifecycle;
import org.christchurchcall.protocol.incident.IncidentStatus;
import org.christchurchcall.protocol.incident.rest.IncidentRequests;
import org.christchurchcall.protocol.notification.service.Outbox;
import org.christchurchcall.protocol.catalogue.Protocol;
import org.christchurchcall.protocol.timeline.TimelineKind;
import org.christchurchcall.protocol.timeline.service.Timeline;

/** Reporting incidents, reading them, and moving them through their lifecycle. */
@ApplicationScoped
public class IncidentService {

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Timeline timeline;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Transactional
    public Incident report(IncidentRequests.Report r) {
        List<String> protocols = distinct(r.protocols());
        for (String code : protocols) {
            if (Protocol.findById(code) == null) {
                throw ApiException.invalidField("protocols", "unknown protocol " + code);
            }
        }
        if (r.occurredAt().isAfter(Instant.now().plusSeconds(300))) {
            throw ApiException.invalidField("occurredAt", "must not be in the future");
        }
        Instant now = Instant.now();
        Incident i = new Incident();
        i.id = UUID.randomUUID();
        i.title = r.title().strip();
        i.description = r.description();
        i.occurredAt = r.occurredAt();
        i.location = r.location().strip();
        i.contentUrls = distinct(r.contentUrls());
        i.platforms = distinct(r.platforms());
        i.contentTypes = distinct(r.contentTypes());
        i.protocols = protocols;
        i.exercise = Boolean.TRUE.equals(r.exercise());
        i.status(IncidentStatus.REPORTED);
        i.reportedBySupporter = caller.supporterId().orElse(null);
        i.reportedByClient = caller.clientId();
        i.reportedAt = now;
        i.updatedAt = now;
        i.persist();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", i.title);
        data.put("occurredAt", i.occurredAt.toString());
        data.put("location", i.location);
        data.put("contentUrls", i.contentUrls);
        data.put("platforms", i.platforms);
        data.put("contentTypes", i.contentTypes);
        data.put("protocols", i.protocols);
        timeline.append(i, TimelineKind.REPORTED, access.actor(), data);
        return i;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Incident get(UUID id) {
        return access.visible(id);
    }

    /** Newest first; keyset on (reported_at, id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Incident> list(Instant beforeAt, UUID beforeId, String status, int limitPlusOne) {
        Access.Viewer v = access.viewer();
        StringBuilder sql = new StringBuilder("select * from incident i where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!v.secretariat()) {
            sql.append(" and (i.reported_by_supporter = :me or jsonb_exists_any(i.protocols, cast(:protocols as text[])))");
            params.put("me", v.supporterId() == null ? new UUID(0, 0) : v.supporterId());
            params.put("protocols", "{" + String.join(",", v.protocols()) + "}");
        }
        if (status != null) {
            sql.append(" and i.status = :status");
            params.put("status", status);
        }
        if (beforeAt != null) {
            sql.append(" and (i.reported_at, i.id) < (:at, :id)");
            params.put("at", beforeAt);
            params.put("id", beforeId);
        }
        sql.append(" order by i.reported_at desc, i.id desc limit :limit");
        params.put("limit", limitPlusOne);
        var q = em.createNativeQuery(sql.toString(), Incident.class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    @Transactional
    public Incident transition(UUID id, IncidentRequests.Transition r, ContactSnapshot contacts) {
        Incident i = access.visibleForUpdate(id);
        if (i.version != r.version()) {
            throw ApiException.staleVersion(r.version(), i.version);
        }
        IncidentStatus from = i.status();
        IncidentStatus to = IncidentStatus.fromCode(r.to()).orElseThrow();
        try {
            IncidentLifecycle.transition(from, new IncidentLifecycle.Request(to, r.rationale(), r.review(), false));
        } catch (IllegalArgumentException e) {
            String[] parts = e.getMessage().split(": ", 2);
            throw ApiException.invalidField(parts[0], parts[1]);
        } catch (IllegalTransitionException e) {
            throw ApiException.invalidState(e.getMessage());
        }
        Instant now = Instant.now();
        i.status(to);
        i.updatedAt = now;
        switch (to) {
            case ASSESSING -> i.assessingAt = now;
            case CONCLUDING -> i.concludingAt = now;
            case CONCLUDED -> {
                i.concludedAt = now;
                i.conclusionRationale = r.rationale().strip();
            }
            case DEBRIEFED -> {
                i.debriefedAt = now;
                i.afterActionReview = r.review();
            }
            default -> {
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", from.code());
        data.put("to", to.code());
        if (r.rationale() != null) {
            data.put("rationale", r.rationale());
        }
        if (to == IncidentStatus.DEBRIEFED) {
            data.put("afterActionReview", r.review());
        }
        timeline.append(i, TimelineKind.STATUS_CHANGED, access.actor(), data);
        if (to == IncidentStatus.CONCLUDED) {
            notifyAll(i, Outbox.CONCLUDED, Map.of("rationale", i.conclusionRationale, "concludedAt",
                    now.toString()), contacts);
        }
        em.flush();
        return i;
    }

    /** Queues an incident-wide event to the participants of every protocol in effect. */
    void notifyAll(Incident i, String type, Map<String, ?> data, ContactSnapshot contacts) {
        Set<String> protocols = new LinkedHashSet<>();
        Activation.ofIncident(i.id).stream().filter(Activation::inEffect).forEach(a -> protocols.add(a.protocolCode));
        recordContactSource(i, contacts);
        outbox.enqueue(i, type, protocols, data, access.actor());
    }

    void recordContactSource(Incident i, ContactSnapshot contacts) {
        if (contacts != null && !contacts.fresh()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reason", contacts.reason());
            data.put("lastSyncedAt", contacts.syncedAt() == null ? null : contacts.syncedAt().toString());
            timeline.append(i, TimelineKind.CONTACTS_FROM_CACHE, "system", data);
        }
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(new LinkedHashSet<>(values.stream().map(String::strip).toList()));
    }
}
