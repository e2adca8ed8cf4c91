package org.christchurchcall.platform.quota;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The token buckets of the request quotas, one per client and request class, in this pod's
 * memory only: behind N replicas a client gets up to N times the limit.
 */
@ApplicationScoped
public class Quotas {

    /** The outcome of one request: what the RateLimit headers say, and whether it may proceed. */
    public record Decision(boolean allowed, RequestClass requestClass, long limit, long remaining, long resetSeconds,
            long retryAfterSeconds) {
    }

    private final QuotaConfig config;
    private final MeterRegistry meters;
    private final Cache<String, Bucket> buckets;

    @Inject
    public Quotas(QuotaConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
        // a bucket left alone for a whole period is full again, so forgetting it loses nothing
        this.buckets = Caffeine.newBuilder().maximumSize(config.maxTrackedClients())
                .expireAfterAccess(config.period()).build();
    }

    public Decision take(String subject, Set<String> roles, RequestClass requestClass) {
        long limit = limit(config, roles, requestClass);
        // the limit is part of the key: a client whose roles changed starts on its new allowance
        Bucket bucket = buckets.get(requestClass.label() + '|' + limit + '|' + subject,
                k -> newBucket(limit, config.period()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, requestClass, limit, probe.getRemainingTokens(), reset, 0);
        }
        meters.counter("ccall.quota.rejected", "class", requestClass.label()).increment();
        return new Decision(false, requestClass, limit, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** The default limit of the class, unless one of the caller's roles has its own; then the highest of those. */
    static long limit(QuotaConfig config, Set<String> roles, RequestClass requestClass) {
        long best = -1;
        for (String role : roles) {
            QuotaConfig.RoleLimits r = config.roles().get(role);
            if (r == null) {
                continue;
            }
            var own = switch (requestClass) {
                case READ -> r.read();
                case WRITE -> r.write();
                case UPLOAD -> r.upload();
            };
            if (own.isPresent()) {
                best = Math.max(best, own.getAsLong());
            }
        }
        if (best >= 0) {
            return best;
        }
        return switch (requestClass) {
            case READ -> config.read();
            case WRITE -> config.write();
            case UPLOAD -> config.upload();
        };
    }

    private static Bucket newBucket(long limit, Duration period) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(Math.max(1, limit)).refillGreedy(Math.max(1, limit), period)
                .build()).build();
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
