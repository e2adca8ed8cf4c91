package org.christchurchcall.protocol.timeline.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

import org.christchurchcall.platform.json.CanonicalJson;
import org.christchurchcall.protocol.timeline.TimelineEntry;

import com.fasterxml.jackson.databind.JsonNode;

/** One timeline entry; {@code chainVersion} says which canonical form {@code hash} covers (TimelineChain). */
public record TimelineEntryView(UUID id, UUID incidentId, @Schema(example = "7") int position, Instant recordedAt,
        @Schema(example = "situational-update") String kind, String actor,
        JsonNode data, String prevHash, String hash, int chainVersion) {

    public static TimelineEntryView of(TimelineEntry e) {
        return new TimelineEntryView(e.id, e.incidentId, e.position, e.recordedAt, e.kind, e.actor,
                CanonicalJson.read(e.payload), e.prevHash, e.hash, e.chainVersion);
    }
}
