package org.christchurchcall.protocol.hashes.client;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.protocol.config.PeersConfig;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The count of an incident's crisis hashes in hashmatch-service. When it cannot be had the count
 * is unknown, never zero: a zero would tell members that nothing was shared.
 */
@ApplicationScoped
public class CrisisHashes {

    /** What an incident shows; {@code total} and the rest are null when {@code status} is unknown. */
    public record Summary(String status, Long total, Long active, Long retracted, Map<String, Long> byType,
            String href) {
    }

    @Inject
    @RestClient
    HashCountsApi api;

    @Inject
    PeersConfig.Hashmatch config;

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unknown")
    public Summary of(UUID incidentId) {
        HashCountsApi.Counts c = api.counts(incidentId);
        return new Summary("available", c.total(), c.active(), c.retracted(), c.byType(), link(incidentId));
    }

    Summary unknown(UUID incidentId) {
        return new Summary("unknown", null, null, null, null, link(incidentId));
    }

    String link(UUID incidentId) {
        String base = config.publicUrl().orElse(config.url());
        return base.replaceAll("/+$", "") + "/api/v1/hashes?incidentId=" + incidentId;
    }
}
