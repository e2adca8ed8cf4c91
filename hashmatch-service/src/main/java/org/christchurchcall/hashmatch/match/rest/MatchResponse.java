package org.christchurchcall.hashmatch.match.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.christchurchcall.hashmatch.match.service.MatchService.Hit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The matches of each query, in query order; a hit names the record, never its contributor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchResponse(@Schema(description = "the PDQ Hamming distance applied", example = "31") int threshold,
        List<QueryResult> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueryResult(@Schema(description = "the query's position, from 0", example = "0") int index,
            @Schema(enumeration = { "pdq", "md5", "sha256" }, example = "pdq") String type,
            @Schema(description = "the query's hash in canonical form", example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22") String value,
            @Schema(description = "the dihedral variant the query came from (file matching with dihedral=true)",
                    enumeration = { "original", "rotate90", "rotate180", "rotate270", "flip-x", "flip-y", "flip-plus",
                            "flip-minus" }, example = "original") String variant,
            List<Hit> matches) {
    }
}
