package org.christchurchcall.protocol.secret;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.christchurchcall.protocol.config.SecretsConfig;

import io.quarkus.runtime.Startup;

/** Builds the key ring at start-up, so that a missing or malformed key stops the service at once. */
@Singleton
public class KeyRingProducer {

    @Produces
    @Singleton
    @Startup
    SecretKeyRing keyRing(SecretsConfig config) {
        return new SecretKeyRing(config.keys(), config.activeKey());
    }
}
