package org.christchurchcall.hashmatch.match.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 1,000 hashes to look up, with an optional PDQ distance threshold. */
public record MatchRequest(
        @Schema(required = true) List<HashQuery> queries,
        @Schema(description = "largest Hamming distance for pdq; default ccall.hashmatch.default-threshold (31), "
                + "at most ccall.hashmatch.max-threshold") Integer threshold) {

    public record HashQuery(@Schema(enumeration = { "pdq", "md5", "sha256" }) String type, String value) {
    }
}
