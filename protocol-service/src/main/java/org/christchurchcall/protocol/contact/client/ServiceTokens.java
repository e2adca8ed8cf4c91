package org.christchurchcall.protocol.contact.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.protocol.config.PeersConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * protocol-service's own access token, obtained by client credentials from supporter-service and
 * reused until shortly before it expires. Never a user's token: those are not forwarded.
 */
@ApplicationScoped
public class ServiceTokens {

    private record Cached(String token, Instant refreshAt) {
    }

    @Inject
    @RestClient
    TokenApi api;

    @Inject
    PeersConfig.Supporter config;

    private volatile Cached cached;

    /** The {@code Authorization} header value for service calls. */
    public String bearer() {
        Cached c = cached;
        if (c == null || Instant.now().isAfter(c.refreshAt())) {
            synchronized (this) {
                c = cached;
                if (c == null || Instant.now().isAfter(c.refreshAt())) {
                    c = fetch();
                    cached = c;
                }
            }
        }
        return "Bearer " + c.token();
    }

    /** Drops the cached token, e.g. after a 401 from a service that rotated its keys. */
    public void invalidate() {
        cached = null;
    }

    private Cached fetch() {
        String secret = config.clientSecret()
                .orElseThrow(() -> new IllegalStateException("ccall.supporter.client-secret is not set"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (config.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8));
        TokenApi.TokenResponse r = api.token(basic, "client_credentials");
        if (r == null || r.accessToken() == null) {
            throw new IllegalStateException("the token endpoint answered without an access token");
        }
        long lifetime = r.expiresIn() == null ? 300 : r.expiresIn();
        Duration margin = config.tokenRefreshMargin();
        long usable = Math.max(lifetime / 2, lifetime - margin.toSeconds());
        return new Cached(r.accessToken(), Instant.now().plusSeconds(usable));
    }
}
