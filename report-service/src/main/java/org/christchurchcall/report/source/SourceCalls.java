package org.christchurchcall.report.source;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * One authenticated call to a source, with its failures sorted for the fault-tolerance policy of
 * the calling bean: 401 drops the cached token and is retried; other 4xx are rejections, not
 * retried; 5xx, timeouts and connection failures are retried and count towards the breaker.
 */
@ApplicationScoped
public class SourceCalls {

    @Inject
    ServiceToken token;

    public <T> T call(String service, String request, Function<String, T> call) {
        String bearer = token.bearer();
        try {
            T result = call.apply(bearer);
            if (result == null) {
                throw new SourceUnavailableException(service + " answered " + request + " with an empty body", null);
            }
            return result;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401) {
                token.invalidate();
                throw new SourceUnavailableException(service + " rejected report-service's token for " + request + " (HTTP 401)", e);
            }
            if (status >= 400 && status < 500) {
                throw new SourceRejectedException(service + " refused " + request + " (HTTP " + status + ")", e);
            }
            throw new SourceUnavailableException(service + " failed " + request + " (HTTP " + status + ")", e);
        } catch (ProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new SourceUnavailableException(service + " could not be reached for " + request + ": "
                    + root.getClass().getSimpleName(), e);
        }
    }
}
