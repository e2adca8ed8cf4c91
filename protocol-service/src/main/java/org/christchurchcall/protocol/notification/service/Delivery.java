package org.christchurchcall.protocol.notification.service;

import java.time.Instant;
import java.util.UUID;

/** A claimed outbox row, ready to be sent. */
public record Delivery(long seq, UUID id, UUID eventId, String eventType, UUID incidentId, UUID supporterId,
        UUID endpointId, String url, String signingSecret, String payload, int attempt, Instant createdAt) {
}
