package org.christchurchcall.report.generation.client;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.christchurchcall.report.config.SourcesConfig;

import io.quarkus.oidc.client.OidcClientException;

/**
 * One authenticated call to a source, with its failures sorted for the fault-tolerance policy of
 * the calling bean. The REST clients' {@code @OidcClientFilter("supporter")} adds report-service's
 * service token, fetched from supporter-service and cached until shortly before it expires. No
 * token (supporter-service down or refusing the client) and 401 (after which the filter fetches a
 * new token for the next request) are retried; other 4xx are rejections, not retried; 5xx, timeouts
 * and connection failures are retried and count towards the breaker.
 */
@ApplicationScoped
public class SourceCalls {

    /** Also makes a missing {@code ccall.supporter.client-secret} stop the start-up. */
    @Inject
    SourcesConfig config;

    public <T> T call(String service, String request, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401) {
                throw new SourceUnavailableException(service + " rejected the token of client " + config.clientId() + " for " + request
                        + " (HTTP 401)", e);
            }
            if (status >= 400 && status < 500) {
                throw new SourceRejectedException(service + " refused " + request + " (HTTP " + status + ")", e);
            }
            throw new SourceUnavailableException(service + " failed " + request + " (HTTP " + status + ")", e);
        } catch (RuntimeException e) {
            OidcClientException noToken = find(e, OidcClientException.class);
            if (noToken != null) {
                throw new SourceUnavailableException(service + " not called for " + request + ": no service token for client "
                        + config.clientId() + ", supporter-service's token endpoint failed (" + noToken.getMessage() + ")", e);
            }
            if (e instanceof ProcessingException) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                throw new SourceUnavailableException(service + " could not be reached for " + request + ": "
                        + root.getClass().getSimpleName(), e);
            }
            throw e;
        }
        if (result == null) {
            throw new SourceUnavailableException(service + " answered " + request + " with an empty body", null);
        }
        return result;
    }

    private static <X extends Throwable> X find(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
