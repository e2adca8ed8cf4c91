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

    /** {@code ccall.service-clients."<client-id>".secret}: one {@code service} client per entry. */
    @ConfigMapping(prefix = "ccall.service-clients")
    public interface ServiceClients {
        @WithParentName
        Map<String, Entry> clients();

        interface Entry {
            String secret();
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
