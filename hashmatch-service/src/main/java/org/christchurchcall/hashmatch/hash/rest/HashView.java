package org.christchurchcall.hashmatch.hash.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.christchurchcall.hashmatch.hash.HashRecord;
import org.christchurchcall.hashmatch.hash.HashStatus;
import org.christchurchcall.hashmatch.hash.HashType;
import org.christchurchcall.platform.security.Caller;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A hash record as clients see it. {@code contributorId} only for the secretariat and the contributor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HashView(UUID id, HashType type, String value, Integer quality, List<String> labels, HashStatus status,
        UUID incidentId, Integer confidence, UUID contributorId, Instant createdAt, Instant updatedAt, long version) {

    public static HashView of(HashRecord r, Caller caller) {
        boolean mayKnowContributor = caller.isSecretariat() || caller.actsFor(r.contributorId);
        return new HashView(r.id, r.type, r.value, r.quality, List.copyOf(r.labels), r.status, r.incidentId,
                r.confidence, mayKnowContributor ? r.contributorId : null, r.createdAt, r.updatedAt, r.version);
    }
}
