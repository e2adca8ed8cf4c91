package org.christchurchcall.protocol.notification.service;

import java.time.Instant;
import java.util.UUID;

import org.christchurchcall.protocol.secret.Secret;

/**
 * A claimed outbox row, ready to be sent, with its endpoint's current signing secret (null when
 * the endpoint is no longer registered or its secret cannot be decrypted). The secret prints as
 * redacted.
 */
public record Delivery(long seq, UUID id, UUID eventId, String eventType, UUID incidentId, UUID supporterId,
        UUID endpointId, String url, Secret signingSecret, String payload, int attempt, Instant createdAt) {
}
