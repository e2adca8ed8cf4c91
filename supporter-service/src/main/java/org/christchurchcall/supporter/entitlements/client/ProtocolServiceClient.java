package org.christchurchcall.supporter.entitlements.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.christchurchcall.supporter.token.service.OwnServiceToken;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks protocol-service whether a protocol exists. Guarded so that a slow or absent
 * protocol-service costs a grant a bounded wait; a 404 is an answer, not a failure of the peer.
 */
@ApplicationScoped
public class ProtocolServiceClient {

    @Inject
    @RestClient
    ProtocolsApi api;

    @Inject
    OwnServiceToken token;

    /** True when protocol-service has the protocol, false when it answers 404; anything else throws. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public boolean exists(String code) {
        try {
            ProtocolsApi.ProtocolPayload p = api.get(token.bearer(), code);
            return p != null && code.equals(p.code());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return false;
            }
            throw e;
        }
    }
}
