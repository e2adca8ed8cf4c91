package org.christchurchcall.supporter.token.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.supporter.token.service.SigningKeys;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only with a signing key: without one, every other service's callers would be locked out. */
@Readiness
@ApplicationScoped
public class SigningKeysCheck implements HealthCheck {

    @Inject
    SigningKeys keys;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("signing-keys").status(keys.privateKey() != null)
                .withData("currentKid", keys.keyId())
                .withData("publishedKids", String.join(",", keys.publishedKeyIds())).build();
    }
}
