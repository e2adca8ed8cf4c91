package org.christchurchcall.report.generation.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.report.content.ReportPeriod;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The read-only calls report-service makes to the three other services, each guarded by a
 * timeout, retries and a circuit breaker: a source that is down costs a draft a few seconds at
 * most and leaves its figures named as missing.
 */
@ApplicationScoped
public class Sources {

    public static final String HASHMATCH = "hashmatch-service";
    public static final String PROTOCOL = "protocol-service";
    public static final String SUPPORTER = "supporter-service";

    @Inject
    @RestClient
    HashmatchApi hashmatch;

    @Inject
    @RestClient
    ProtocolApi protocol;

    @Inject
    @RestClient
    SupporterApi supporter;

    @Inject
    SourceCalls calls;

    public static String hashAggregatesRequest(ReportPeriod p) {
        return "GET /api/v1/hashes/aggregates?from=" + iso(p.from()) + "&to=" + iso(p.to());
    }

    public static String incidentAggregatesRequest(ReportPeriod p) {
        return "GET /api/v1/incidents/aggregates?from=" + iso(p.from()) + "&to=" + iso(p.to());
    }

    public static String membershipRequest(ReportPeriod p) {
        return "GET /api/v1/supporters/aggregates?from=" + iso(p.from()) + "&to=" + iso(p.to());
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = SourceRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30000, skipOn = SourceRejectedException.class)
    public HashAggregates hashAggregates(ReportPeriod p) {
        return calls.call(HASHMATCH, hashAggregatesRequest(p), () -> hashmatch.aggregates(iso(p.from()), iso(p.to())));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = SourceRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30000, skipOn = SourceRejectedException.class)
    public IncidentAggregates incidentAggregates(ReportPeriod p) {
        return calls.call(PROTOCOL, incidentAggregatesRequest(p), () -> protocol.aggregates(iso(p.from()), iso(p.to())));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = SourceRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30000, skipOn = SourceRejectedException.class)
    public MembershipAggregates membership(ReportPeriod p) {
        return calls.call(SUPPORTER, membershipRequest(p), () -> supporter.membership(iso(p.from()), iso(p.to())));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = SourceRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30000, skipOn = SourceRejectedException.class)
    public StocktakePage stocktakes(String cursor) {
        return calls.call(SUPPORTER, "GET /api/v1/stocktakes", () -> supporter.stocktakes(100, cursor));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = SourceRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30000, skipOn = SourceRejectedException.class)
    public StocktakeSummary stocktakeSummary(String id) {
        return calls.call(SUPPORTER, "GET /api/v1/stocktakes/" + id + "/summary", () -> supporter.stocktakeSummary(id));
    }

    static String iso(java.time.Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
