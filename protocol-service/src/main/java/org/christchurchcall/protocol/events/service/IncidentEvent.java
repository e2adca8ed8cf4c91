package org.christchurchcall.protocol.events.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A live update: one timeline entry as it is appended, with what decides who may see it. */
public record IncidentEvent(long sequence, UUID incidentId, UUID entryId, String kind, Instant recordedAt,
        boolean exercise, String classification, JsonNode data, @com.fasterxml.jackson.annotation.JsonIgnore
        UUID reportedBy, @com.fasterxml.jackson.annotation.JsonIgnore List<String> protocols) {
}
