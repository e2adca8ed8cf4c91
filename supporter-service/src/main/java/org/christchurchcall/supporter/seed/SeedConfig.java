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

        /**
         * Where the demo government's and company's webhook endpoints point: {@code <url>/demo-government}
         * and {@code <url>/demo-company} ({@code bin/ccall up}: its local receiver). Set, the demo
         * register also gives both a crisis contact point and such an endpoint for the three
         * protocols; the URL passes the same checks as one registered through the API, so a
         * loopback receiver needs {@code ccall.contacts.allow-loopback-http}.
         */
        Optional<String> webhookUrl();

        /** The endpoints' signing secret ({@code whsec_} + base64), known to the receiver too. */
        Optional<String> webhookSecret();
    }
}
