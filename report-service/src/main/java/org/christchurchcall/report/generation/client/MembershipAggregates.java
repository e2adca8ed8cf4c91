package org.christchurchcall.report.generation.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * supporter-service's membership figures for a period: active supporters by type at the period's
 * end, joins within it by type, and active supporters by type at dates through it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembershipAggregates(Map<String, Long> byType, Map<String, Long> joinedInPeriod, List<ActiveAt> activeAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ActiveAt(String date, Map<String, Long> byType) {
    }
}
