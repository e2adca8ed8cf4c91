package org.christchurchcall.report.source;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.christchurchcall.report.config.SourcesConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * report-service's own access token for calls to the other services. It is cached until shortly
 * before it expires (architecture.md, "Service identities") and dropped when a source rejects it.
 */
@ApplicationScoped
public class ServiceToken {

    @Inject
    @RestClient
    TokenApi api;

    @Inject
    SourcesConfig config;

    Clock clock = Clock.systemUTC();

    private String token;
    private Instant renewAt = Instant.EPOCH;

    /** A bearer header value; throws {@link SourceUnavailableException} when no token can be had. */
    public synchronized String bearer() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            String credentials = config.clientId() + ":" + config.clientSecret();
            TokenApi.TokenResponse response;
            try {
                response = api.token("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
                        "client_credentials");
            } catch (WebApplicationException e) {
                throw new SourceUnavailableException("supporter-service refused report-service's client credentials (HTTP "
                        + e.getResponse().getStatus() + ")", e);
            } catch (RuntimeException e) {
                throw new SourceUnavailableException("no service token: supporter-service's token endpoint failed: " + e.getMessage(), e);
            }
            if (response == null || response.accessToken() == null || response.expiresIn() == null) {
                throw new SourceUnavailableException("supporter-service's token response lacks access_token or expires_in", null);
            }
            long lifetime = Math.max(0, response.expiresIn() - config.tokenRenewBefore().toSeconds());
            token = response.accessToken();
            renewAt = now.plusSeconds(lifetime);
        }
        return "Bearer " + token;
    }

    /** Forgets the token after a source answered 401, so that the next call fetches a new one. */
    public synchronized void invalidate() {
        token = null;
    }
}
