package org.christchurchcall.protocol.incident.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.protocol.contact.service.ContactSnapshot;
import org.christchurchcall.protocol.incident.IllegalTransitionException;
import org.christchurchcall.protocol.incident.Incident;
import org.christchurchcall.protocol.incident.IncidentLifecycle;
import org.christchurchcall.protocol.incident.rest.IncidentRequests;
import org.christchurchcall.protocol.notification.service.Outbox;
import org.christchurchcall.protocol.timeline.TimelineEntry;
import org.christchurchcall.protocol.timeline.TimelineKind;
import org.christchurchcall.protocol.timeline.service.Timeline;

/** Situational updates: what is known now, with counts such as hashes shared and URLs seen. */
@ApplicationScoped
public class SituationalUpdates {

    @Inject
    Access access;

    @Inject
    Timeline timeline;

    @Inject
    IncidentService incidents;

    @Transactional
    public TimelineEntry post(UUID incidentId, IncidentRequests.SituationalUpdate r, ContactSnapshot contacts) {
        Incident i = access.visibleForUpdate(incidentId);
        try {
            IncidentLifecycle.require(i.status(), IncidentLifecycle.Action.SITUATIONAL_UPDATE);
        } catch (IllegalTransitionException e) {
            throw ApiException.invalidState(e.getMessage());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("summary", r.summary());
        data.put("counts", r.counts() == null ? Map.of() : new TreeMap<>(r.counts()));
        i.updatedAt = Instant.now();
        TimelineEntry entry = timeline.append(i, TimelineKind.SITUATIONAL_UPDATE, access.actor(), data);
        Map<String, Object> event = new LinkedHashMap<>(data);
        event.put("timelineEntryId", entry.id.toString());
        incidents.notifyAll(i, Outbox.UPDATED, event, contacts);
        return entry;
    }
}
