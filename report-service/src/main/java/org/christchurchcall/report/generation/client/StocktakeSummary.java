package org.christchurchcall.report.generation.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** How many supporters of each type reported each status, per commitment, in one stocktake. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StocktakeSummary(String stocktakeId, String name, List<CommitmentSummary> commitments) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommitmentSummary(String commitmentId, String label, Map<String, Map<String, Long>> bySupporterType) {
    }
}
