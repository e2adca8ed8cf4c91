package org.christchurchcall.report.generation.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * protocol-service's {@code GET /api/v1/incidents/aggregates?from=&to=} over incidents reported in
 * [from, to): exercises are left out of every figure and only counted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentAggregates(Long incidents, Long activatedIncidents, Long concludedIncidents, Long exercisesExcluded,
        Map<String, Long> incidentsByStatus, List<ProtocolLevelCount> activationsByProtocolAndLevel, Timings timings) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProtocolLevelCount(String protocol, String level, Long activations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Timings(Stats reportToActivationSeconds, Stats activationToFirstDeliverySeconds,
            Stats activationToFirstAcknowledgementSeconds, Stats activationToMedianAcknowledgementSeconds,
            Stats activationToLastAcknowledgementSeconds, Stats activationToConclusionSeconds) {
    }

    /** Seconds (millisecond precision) over the incidents that have the interval; null values when none has it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stats(Long count, BigDecimal min, BigDecimal median, BigDecimal mean, BigDecimal max) {
    }
}
