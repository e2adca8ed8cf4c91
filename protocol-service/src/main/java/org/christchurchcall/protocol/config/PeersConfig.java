package org.christchurchcall.protocol.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The services protocol-service calls. supporter-service ({@code ccall.supporter.url}, {@code .client-id},
 * {@code .client-secret}, {@code .token-refresh-margin}) is configured in application.properties: those keys
 * feed its REST client and the "supporter" OIDC client that fetches protocol-service's own token.
 */
public final class PeersConfig {

    private PeersConfig() {
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
