package org.christchurchcall.protocol.notification.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.json.CanonicalJson;
import org.christchurchcall.protocol.contact.CrisisContact;
import org.christchurchcall.protocol.contact.WebhookEndpoint;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.notification.IncidentParticipant;
import org.christchurchcall.protocol.notification.Notification;
import org.christchurchcall.protocol.timeline.TimelineKind;
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

    private static final String INSERT = "insert into notification (id, event_id, event_type, incident_id, "
            + "supporter_id, endpoint_id, url, payload, status, attempts, created_at, next_attempt_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

    @Inject
    Timeline timeline;

    @Inject
    Event<OutboxWritten> written;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(Incident incident, String eventType, Collection<String> protocols, Map<String, ?> data,
            String actor) {
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        String body = CanonicalJson.write(body(incident, eventType, eventId, now, data));
        List<WebhookEndpoint> endpoints = WebhookEndpoint.activeFor(protocols);
        insert(incident, eventType, eventId, body, now, endpoints);
        Set<UUID> supporters = new LinkedHashSet<>();
        endpoints.forEach(e -> supporters.add(e.supporterId));
        if (!supporters.isEmpty()) {
            Set<UUID> known = new HashSet<>();
            IncidentParticipant.<IncidentParticipant>list("incidentId", incident.id)
                    .forEach(p -> known.add(p.supporterId));
            Map<UUID, String> names = new HashMap<>();
            CrisisContact.<CrisisContact>list("supporterId in ?1", supporters)
                    .forEach(c -> names.put(c.supporterId, c.supporterName));
            for (UUID s : supporters) {
                if (known.add(s)) {
                    IncidentParticipant p = new IncidentParticipant();
                    p.incidentId = incident.id;
                    p.supporterId = s;
                    p.supporterName = names.getOrDefault(s, s.toString());
                    p.firstNotifiedAt = now;
                    p.persist();
                }
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

    /**
     * One outbox row per endpoint, written as one JDBC batch on the transaction's connection: an
     * activation fans out to hundreds of endpoints, and row-by-row inserts (the ids are generated
     * by the database) would cost a round trip each inside the activating request.
     */
    private void insert(Incident incident, String eventType, UUID eventId, String body, Instant now,
            List<WebhookEndpoint> endpoints) {
        if (endpoints.isEmpty()) {
            return;
        }
        em.flush();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (WebhookEndpoint e : endpoints) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, eventId);
                ps.setString(3, eventType);
                ps.setObject(4, incident.id);
                ps.setObject(5, e.supporterId);
                ps.setObject(6, e.id);
                ps.setString(7, e.url);
                ps.setString(8, body);
                ps.setString(9, Notification.PENDING);
                ps.setObject(10, at);
                ps.setObject(11, at);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("queuing notifications failed", e);
        }
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
