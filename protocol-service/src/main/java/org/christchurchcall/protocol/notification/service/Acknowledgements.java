package org.christchurchcall.protocol.notification.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.protocol.incident.IllegalTransitionException;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.incident.IncidentLifecycle;
import org.christchurchcall.protocol.incident.service.Access;
import org.christchurchcall.protocol.incident.rest.IncidentRequests;
import org.christchurchcall.protocol.notification.Acknowledgement;
import org.christchurchcall.protocol.notification.IncidentParticipant;
import org.christchurchcall.protocol.notification.Notification;
import org.christchurchcall.protocol.timeline.TimelineKind;
import org.christchurchcall.protocol.timeline.service.Timeline;

/** Participants confirm receipt; the first confirmation sets their time to acknowledge. */
@ApplicationScoped
public class Acknowledgements {

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Timeline timeline;

    @Transactional
    public Acknowledgement acknowledge(UUID incidentId, IncidentRequests.Acknowledge r) {
        Incident i = access.visibleForUpdate(incidentId);
        UUID supporter = caller.supporterId()
                .orElseThrow(() -> ApiException.forbidden("only a participating supporter acknowledges"));
        IncidentParticipant p = IncidentParticipant.findById(new IncidentParticipant.Key(i.id, supporter));
        if (p == null) {
            throw ApiException.forbidden("the caller's organisation was not notified about this incident");
        }
        if (r != null && r.eventId() != null
                && Notification.count("incidentId = ?1 and eventId = ?2", i.id, r.eventId()) == 0) {
            throw ApiException.invalidField("eventId", "no event " + r.eventId() + " was sent for this incident");
        }
        try {
            IncidentLifecycle.require(i.status(), IncidentLifecycle.Action.ACKNOWLEDGE);
        } catch (IllegalTransitionException e) {
            throw ApiException.invalidState(e.getMessage());
        }
        Instant now = Instant.now();
        Acknowledgement a = new Acknowledgement();
        a.id = UUID.randomUUID();
        a.incidentId = i.id;
        a.supporterId = supporter;
        a.clientId = caller.clientId();
        a.eventId = r == null ? null : r.eventId();
        a.note = r == null ? null : r.note();
        a.receivedAt = now;
        a.persist();
        boolean first = p.acknowledgedAt == null;
        if (first) {
            p.acknowledgedAt = now;
            p.acknowledgedBy = caller.clientId();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("acknowledgementId", a.id.toString());
        data.put("supporterId", supporter.toString());
        data.put("eventId", a.eventId == null ? null : a.eventId.toString());
        data.put("first", first);
        data.put("timeToAcknowledgeMs", java.time.Duration.between(p.firstNotifiedAt, now).toMillis());
        timeline.append(i, TimelineKind.ACKNOWLEDGED, access.actor(), data);
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Acknowledgement get(UUID incidentId, UUID ackId) {
        Incident i = access.visible(incidentId);
        Acknowledgement a = Acknowledgement.findById(ackId);
        if (a == null || !a.incidentId.equals(i.id)) {
            throw ApiException.notFound("acknowledgement", ackId);
        }
        return a;
    }

    /** The acknowledgements of an incident the caller may see, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Acknowledgement> list(UUID incidentId) {
        Incident i = access.visible(incidentId);
        return Acknowledgement.list("incidentId = ?1 order by receivedAt, id", i.id);
    }

    /** Participants with their timings and delivery counts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Row> participants(UUID incidentId) {
        Incident i = access.visible(incidentId);
        List<IncidentParticipant> ps = IncidentParticipant.list("incidentId = ?1 order by firstNotifiedAt, supporterName",
                i.id);
        Map<UUID, long[]> counts = new LinkedHashMap<>();
        List<Object[]> rows = Notification.getEntityManager().createQuery(
                "select n.supporterId, n.status, count(n) from Notification n where n.incidentId = ?1 "
                        + "group by n.supporterId, n.status", Object[].class)
                .setParameter(1, i.id).getResultList();
        for (Object[] row : rows) {
            long[] c = counts.computeIfAbsent((UUID) row[0], k -> new long[3]);
            int idx = switch ((String) row[1]) {
                case Notification.PENDING -> 0;
                case Notification.DELIVERED -> 1;
                default -> 2;
            };
            c[idx] += (Long) row[2];
        }
        return ps.stream().map(p -> new Row(p, counts.getOrDefault(p.supporterId, new long[3]))).toList();
    }

    public record Row(IncidentParticipant participant, long[] counts) {
    }
}
