package org.christchurchcall.hashmatch.match.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 1,000 hashes to look up, with an optional PDQ distance threshold. */
public record MatchRequest(
        @Schema(required = true, description = "1 to ccall.hashmatch.max-queries (1,000) hashes",
                example = "[{\"type\": \"pdq\", \"value\": \"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22\"}, "
                        + "{\"type\": \"md5\", \"value\": \"d41d8cd98f00b204e9800998ecf8427e\"}]") List<HashQuery> queries,
        @Schema(description = "largest Hamming distance for pdq; default ccall.hashmatch.default-threshold (31), "
                + "at most ccall.hashmatch.max-threshold (31)", minimum = "0", maximum = "31", example = "31") Integer threshold) {

    public record HashQuery(@Schema(enumeration = { "pdq", "md5", "sha256" }, required = true, example = "pdq") String type,
            @Schema(description = "hexadecimal digits: 64 for pdq and sha256, 32 for md5", required = true,
                    example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22") String value) {
    }
}
