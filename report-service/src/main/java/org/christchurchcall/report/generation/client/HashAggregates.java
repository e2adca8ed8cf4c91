package org.christchurchcall.report.generation.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * hashmatch-service's {@code GET /api/v1/hashes/aggregates?from=&to=}: counts only, no content and
 * no contributor identities. {@code records} are the holdings as they stand when asked; the rest
 * cover [from, to) (matches: the UTC days the period touches).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HashAggregates(Holdings records, Flow period, Feedback feedback, Disputes disputes, Matches matches) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holdings(Long total, Map<String, Long> byType, Map<String, Long> byStatus, Map<String, Long> byLabel,
            Map<String, Long> byContributorType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flow(Long added, Long retracted, Map<String, Long> addedByType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feedback(Long agree, Long disagree) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disputes(Long raised, Long resolved, Map<String, Long> outcomes, Long openNow) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Matches(Long queries, Long matches, Map<String, Long> matchesByType) {
    }
}
