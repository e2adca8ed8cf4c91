package org.christchurchcall.hashmatch.match.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.match.service.IndexFollowerService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica serves matches only once its index holds the database's hashes. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    @Inject
    IndexFollowerService index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("pdq-index").status(index.loaded()).withData("hashes", index.size())
                .withData("videos", index.videos())
                .withData("changeLogPosition", index.position()).build();
    }
}
