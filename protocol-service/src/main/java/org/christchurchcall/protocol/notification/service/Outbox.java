package org.christchurchcall.protocol.notification.service;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.protocol.contact.CrisisContact;
import org.christchurchcall.protocol.contact.WebhookEndpoint;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.notification.IncidentParticipant;
import org.christchurchcall.protocol.notification.Notification;
import org.christchurchcall.protocol.timeline.TimelineKind;
import org.christchurchcall.protocol.timeline.service.CanonicalJson;
import org.christchurchcall.protocol.timeline.service.Timeline;

/**
 * Queues an event for every participant webhook endpoint of the given protocols, in the
 * transaction of the change, so that a change is never committed without its notifications nor
 * notified without being committed.
 */
@ApplicationScoped
public class Outbox {

    public static final String ACTIVATED = "incident.activated";
    public static final String LEVEL_CHANGED = "incident.level-changed";
    public static final String UPDATED = "incident.situational-update";
    public static final String CONCLUDED = "incident.concluded";

    @Inject
    Timeline timeline;

    @Inject
    Event<OutboxWritten> written;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(Incident incident, String eventType, Collection<String> protocols, Map<String, ?> data,
            String actor) {
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        String body = CanonicalJson.write(body(incident, eventType, eventId, now, data));
        List<WebhookEndpoint> endpoints = WebhookEndpoint.activeFor(protocols);
        Set<UUID> supporters = new LinkedHashSet<>();
        for (WebhookEndpoint e : endpoints) {
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.eventId = eventId;
            n.eventType = eventType;
            n.incidentId = incident.id;
            n.supporterId = e.supporterId;
            n.endpointId = e.id;
            n.url = e.url;
            n.signingSecret = e.signingSecret;
            n.payload = body;
            n.status = Notification.PENDING;
            n.createdAt = now;
            n.nextAttemptAt = now;
            n.persist();
            supporters.add(e.supporterId);
        }
        for (UUID s : supporters) {
            IncidentParticipant p = IncidentParticipant.findById(new IncidentParticipant.Key(incident.id, s));
            if (p == null) {
                CrisisContact c = CrisisContact.findById(s);
                p = new IncidentParticipant();
                p.incidentId = incident.id;
                p.supporterId = s;
                p.supporterName = c == null ? s.toString() : c.supporterName;
                p.firstNotifiedAt = now;
                p.persist();
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("eventId", eventId.toString());
        entry.put("eventType", eventType);
        entry.put("protocols", List.copyOf(new LinkedHashSet<>(protocols)));
        entry.put("endpoints", endpoints.size());
        entry.put("participants", supporters.size());
        timeline.append(incident, TimelineKind.NOTIFICATIONS_QUEUED, actor, entry);
        if (!endpoints.isEmpty()) {
            written.fire(new OutboxWritten(endpoints.size()));
        }
        return eventId;
    }

    private static Map<String, Object> body(Incident incident, String type, UUID eventId, Instant at,
            Map<String, ?> data) {
        Map<String, Object> inc = new LinkedHashMap<>();
        inc.put("id", incident.id.toString());
        inc.put("title", (incident.exercise ? "[EXERCISE] " : "") + incident.title);
        inc.put("status", incident.statusCode);
        inc.put("occurredAt", incident.occurredAt.toString());
        inc.put("location", incident.location);
        inc.put("protocols", incident.protocols);
        inc.put("href", "/api/v1/incidents/" + incident.id);
        inc.put("acknowledge", "/api/v1/incidents/" + incident.id + "/acknowledgements");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", type);
        b.put("eventId", eventId.toString());
        b.put("timestamp", at.toString());
        b.put("exercise", incident.exercise);
        b.put("classification", incident.exercise ? "exercise" : "live");
        b.put("incident", inc);
        b.put("data", data);
        return b;
    }
}
