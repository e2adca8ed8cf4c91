package org.christchurchcall.protocol.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The services protocol-service calls. */
public final class PeersConfig {

    private PeersConfig() {
    }

    /** supporter-service: token issuer and crisis contacts ({@code ccall.supporter.*}). */
    @ConfigMapping(prefix = "ccall.supporter")
    public interface Supporter {
        @WithDefault("http://localhost:8101")
        String url();

        @WithDefault("protocol-service")
        String clientId();

        Optional<String> clientSecret();

        /** Refresh the service token this long before it expires. */
        @WithDefault("PT60S")
        Duration tokenRefreshMargin();
    }

    /** hashmatch-service: crisis-hash counts ({@code ccall.hashmatch.*}). */
    @ConfigMapping(prefix = "ccall.hashmatch")
    public interface Hashmatch {
        @WithDefault("http://localhost:8103")
        String url();

        /** Where clients reach hashmatch-service, for the link to an incident's hashes. */
        Optional<String> publicUrl();
    }
}
