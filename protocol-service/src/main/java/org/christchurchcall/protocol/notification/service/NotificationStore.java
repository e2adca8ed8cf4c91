package org.christchurchcall.protocol.notification.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.protocol.contact.service.EndpointSecrets;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.notification.IncidentParticipant;
import org.christchurchcall.protocol.notification.Notification;
import org.christchurchcall.protocol.secret.Secret;
import org.christchurchcall.protocol.timeline.TimelineKind;
import org.christchurchcall.protocol.timeline.service.Timeline;

/** The worker's side of the outbox: claiming due rows and recording what happened to them. */
@ApplicationScoped
public class NotificationStore {

    /**
     * Claims the head of each endpoint's queue that is due. SKIP LOCKED lets several replicas
     * claim side by side; the lease (locked_until) keeps a claimed row away from the others while
     * it is in flight, and hands it back if the claiming replica dies. Only the oldest pending
     * row of an endpoint is eligible, which keeps each endpoint's deliveries in order. The
     * endpoint's current (encrypted) secret comes with each row: the outbox keeps no copy.
     */
    private static final String CLAIM = """
            with due as (
                select n.seq, n.endpoint_id from notification n
                where n.status = 'pending' and n.next_attempt_at <= now()
                  and (n.locked_until is null or n.locked_until < now())
                  and not exists (select 1 from notification p
                                  where p.endpoint_id = n.endpoint_id and p.status = 'pending' and p.seq < n.seq)
                order by n.next_attempt_at, n.seq
                limit ?
                for update of n skip locked)
            update notification t
               set locked_until = now() + (? * interval '1 millisecond'), attempts = t.attempts + 1
              from due left join webhook_endpoint e on e.id = due.endpoint_id
             where t.seq = due.seq
            returning t.seq, t.id, t.event_id, t.event_type, t.incident_id, t.supporter_id, t.endpoint_id, t.url,
                      e.signing_secret, e.signing_secret_key_id, t.payload, t.attempts, t.created_at
            """;

    @Inject
    DataSource dataSource;

    @Inject
    Timeline timeline;

    @Inject
    EndpointSecrets secrets;

    @Transactional
    public List<Delivery> claim(int max, Duration lease) {
        List<Delivery> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setInt(1, max);
            ps.setLong(2, lease.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID endpointId = rs.getObject(7, UUID.class);
                    Secret secret = secrets.open(endpointId, rs.getString(9), rs.getString(10)).orElse(null);
                    out.add(new Delivery(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), endpointId,
                            rs.getString(8), secret, rs.getString(11), rs.getInt(12),
                            rs.getObject(13, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming notifications failed", e);
        }
        return out;
    }

    /** A delivery the receiver accepted, waiting to be recorded. */
    public record Accepted(Delivery delivery, int status, Instant at) {
    }

    /**
     * Records accepted deliveries, several in one transaction: a fan-out completes hundreds of
     * deliveries to one incident within a second, and each one appends to the incident's
     * timeline, which takes the incident's lock. Rows and participants are written first, so the
     * lock is held only for the appends and the commit. Incidents are locked in id order, so two
     * replicas recording at once cannot deadlock.
     */
    @Transactional
    public void delivered(List<Accepted> batch) {
        Map<Long, Notification> rows = new HashMap<>();
        Notification.<Notification>list("seq in ?1", batch.stream().map(a -> a.delivery().seq()).toList())
                .forEach(n -> rows.put(n.seq, n));
        Map<UUID, List<Map<String, Object>>> entries = new TreeMap<>();
        for (Accepted a : batch) {
            Delivery d = a.delivery();
            Notification n = rows.get(d.seq());
            if (n == null || !Notification.PENDING.equals(n.status)) {
                continue;
            }
            n.status = Notification.DELIVERED;
            n.deliveredAt = a.at();
            n.lastStatus = a.status();
            n.lastError = null;
            n.lockedUntil = null;
            IncidentParticipant p = IncidentParticipant.findById(
                    new IncidentParticipant.Key(d.incidentId(), d.supporterId()));
            if (p != null && (p.firstDeliveredAt == null || a.at().isBefore(p.firstDeliveredAt))) {
                p.firstDeliveredAt = a.at();
            }
            Map<String, Object> data = entry(d);
            data.put("httpStatus", a.status());
            data.put("deliveredAt", a.at().toString());
            entries.computeIfAbsent(d.incidentId(), k -> new ArrayList<>()).add(data);
        }
        Notification.getEntityManager().flush();
        entries.forEach((incidentId, data) -> timeline.appendAll(Incident.findById(incidentId),
                TimelineKind.NOTIFICATION_DELIVERED, "delivery-worker", data));
    }

    /** Records a failed attempt; returns true when the row was dead-lettered. */
    @Transactional
    public boolean failed(Delivery d, Integer status, String error, Instant at, Duration maxAge, Duration retryIn) {
        Notification n = Notification.find("seq", d.seq()).firstResult();
        if (n == null || !Notification.PENDING.equals(n.status)) {
            return false;
        }
        n.lastStatus = status;
        n.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        n.lockedUntil = null;
        if (!at.isBefore(n.createdAt.plus(maxAge))) {
            n.status = Notification.DEAD;
            n.deadAt = at;
            Map<String, Object> data = entry(d);
            data.put("lastHttpStatus", status);
            data.put("lastError", n.lastError);
            data.put("deadLetteredAt", at.toString());
            data.put("maxAge", maxAge.toString());
            timeline.append(Incident.findById(d.incidentId()), TimelineKind.NOTIFICATION_DEAD_LETTERED,
                    "delivery-worker", data);
            return true;
        }
        n.nextAttemptAt = at.plus(retryIn);
        return false;
    }

    /**
     * Dead-letters a row whose URL the outbound guard refused (e.g. its host resolves to a private
     * address): nothing was sent, and no retry would be allowed either. The timeline says why.
     */
    @Transactional
    public boolean refused(Delivery d, String reason, Instant at) {
        Notification n = Notification.find("seq", d.seq()).firstResult();
        if (n == null || !Notification.PENDING.equals(n.status)) {
            return false;
        }
        String error = "refused destination: " + reason;
        n.lastStatus = null;
        n.lastError = error.substring(0, Math.min(error.length(), 500));
        n.lockedUntil = null;
        n.status = Notification.DEAD;
        n.deadAt = at;
        Map<String, Object> data = entry(d);
        data.put("lastHttpStatus", null);
        data.put("lastError", n.lastError);
        data.put("deadLetteredAt", at.toString());
        data.put("refusedDestination", reason);
        timeline.append(Incident.findById(d.incidentId()), TimelineKind.NOTIFICATION_DEAD_LETTERED, "delivery-worker",
                data);
        return true;
    }

    private static Map<String, Object> entry(Delivery d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", d.id().toString());
        data.put("eventId", d.eventId().toString());
        data.put("eventType", d.eventType());
        data.put("supporterId", d.supporterId().toString());
        data.put("endpointId", d.endpointId().toString());
        data.put("attempts", d.attempt());
        return data;
    }
}
