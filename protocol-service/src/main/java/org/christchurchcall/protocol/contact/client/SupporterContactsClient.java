package org.christchurchcall.protocol.contact.client;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads every crisis contact from supporter-service. Guarded so that a slow or absent
 * supporter-service costs an activation a bounded wait; callers then fall back to the cache.
 */
@ApplicationScoped
public class SupporterContactsClient {

    static final int PAGE_SIZE = 500;
    /** Guards against a cursor loop in a faulty peer. */
    static final int MAX_PAGES = 200;

    @Inject
    @RestClient
    CrisisContactsApi api;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public List<CrisisContactPayload> fetchAll() {
        List<CrisisContactPayload> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            // the "supporter" OIDC client's filter adds the cached service token; a 401 makes it fetch a new
            // one for the next request, which the retry below makes
            CrisisContactPayload.Page p = api.page(PAGE_SIZE, cursor);
            if (p.items() != null) {
                all.addAll(p.items());
            }
            cursor = p.nextCursor();
            if (cursor == null || cursor.isBlank()) {
                return all;
            }
        }
        throw new IllegalStateException("supporter-service served more than " + MAX_PAGES + " pages of contacts");
    }
}
