package org.christchurchcall.supporter.seed;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** What supporter-service creates at start-up from configuration. */
public final class SeedConfig {

    private SeedConfig() {
    }

    /**
     * {@code ccall.service-clients.<name>.secret} and optional {@code .client-id} (default: the
     * name): one {@code service} client per entry. Names are single words (e.g. {@code protocol})
     * so that environment variables map to them unambiguously:
     * {@code CCALL_SERVICE_CLIENTS_PROTOCOL_SECRET}, {@code CCALL_SERVICE_CLIENTS_PROTOCOL_CLIENT_ID=protocol-service}.
     */
    @ConfigMapping(prefix = "ccall.service-clients")
    public interface ServiceClients {
        @WithParentName
        Map<String, Entry> clients();

        interface Entry {
            String secret();

            Optional<String> clientId();
        }
    }

    /** The demonstration register of {@code bin/ccall up}. */
    @ConfigMapping(prefix = "ccall.demo")
    public interface Demo {
        @WithDefault("false")
        boolean enabled();

        Optional<String> secretariatSecret();

        Optional<String> governmentSecret();

        Optional<String> companySecret();
    }
}
