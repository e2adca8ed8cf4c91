package org.christchurchcall.hashmatch.match.rest;

import java.util.List;

import org.christchurchcall.hashmatch.match.service.MatchService.Hit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The matches of each query, in query order; a hit names the record, never its contributor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchResponse(int threshold, List<QueryResult> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueryResult(int index, String type, String value, String variant, List<Hit> matches) {
    }
}
