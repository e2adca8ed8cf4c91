package org.christchurchcall.hashmatch.hash.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
public record HashView(
        @Schema(example = "6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60") UUID id,
        @Schema(enumeration = { "pdq", "md5", "sha256", "vpdq", "video-md5" }, example = "pdq") HashType type,
        @Schema(description = "the hash; for vpdq the SHA-256 of its frames in the hash file's text",
                example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22") String value,
        @Schema(description = "pdq: PDQ quality 0..100; vpdq: the share (%, rounded down) of frames of quality 50 "
                + "or more; absent otherwise", minimum = "0", maximum = "100", example = "100") Integer quality,
        @Schema(description = "vpdq only: how many frames", example = "19") Integer frameCount,
        @Schema(description = "vpdq only: the last frame's timestamp, in seconds", example = "18.0") Double duration,
        @Schema(description = "vpdq only: where to read the frames, a page at a time",
                example = "/api/v1/hashes/6a0f8a52-3c1e-4d7b-9f2a-1b2c3d4e5f60/frames") String frames,
        @Schema(example = "[\"graphic-violence-against-defenceless-people\", \"video\"]") List<String> labels,
        @Schema(enumeration = { "active", "disputed", "retracted" }, example = "active") HashStatus status,
        @Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID incidentId,
        @Schema(minimum = "0", maximum = "100", example = "90") Integer confidence,
        @Schema(description = "only for the secretariat and the contributor") UUID contributorId,
        @Schema(example = "2026-03-15T02:10:00Z") Instant createdAt, Instant updatedAt,
        @Schema(example = "1") long version) {

    public static HashView of(HashRecord r, Caller caller) {
        boolean mayKnowContributor = caller.isSecretariat() || caller.actsFor(r.contributorId);
        return new HashView(r.id, r.type, r.value, r.quality, r.frameCount, r.duration, framesLink(r), List.copyOf(r.labels), r.status, r.incidentId,
                r.confidence, mayKnowContributor ? r.contributorId : null, r.createdAt, r.updatedAt, r.version);
    }

    /** The frames sub-resource of a vpdq record; null for other types. */
    public static String framesLink(HashRecord r) {
        return framesLink(r.id, r.type);
    }

    public static String framesLink(UUID id, HashType type) {
        return type == HashType.VPDQ ? "/api/v1/hashes/" + id + "/frames" : null;
    }
}
