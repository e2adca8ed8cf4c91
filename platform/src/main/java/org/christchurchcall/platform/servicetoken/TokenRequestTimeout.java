package org.christchurchcall.platform.servicetoken;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestFilter;
import io.smallrye.mutiny.Uni;

/**
 * Bounds each request to supporter-service's token endpoint, in every service that fetches its own
 * token with Quarkus's OIDC client (in the others it is never called). The OIDC client sets only a
 * connect timeout and shares one pending token request between callers, so a token endpoint that
 * accepts the connection and never answers would otherwise hold every later call until the
 * connection drops.
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint(OidcEndpoint.Type.TOKEN)
public class TokenRequestTimeout implements OidcRequestFilter {

    @ConfigProperty(name = "ccall.supporter.token-request-timeout", defaultValue = "5s")
    Duration timeout;

    @Override
    public Uni<Void> filter(OidcRequestFilterContext context) {
        context.request().timeout(timeout.toMillis());
        return Uni.createFrom().voidItem();
    }
}
