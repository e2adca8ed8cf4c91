package org.christchurchcall.supporter.token.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.supporter.audit.AuditTrail;
import org.christchurchcall.supporter.token.config.ThrottleConfig;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Limits failed client authentications per client id and per source address, in this pod's
 * memory. Every attempt takes one unit of its allowances before the secret is looked at, so a
 * refused attempt costs no bcrypt and concurrent attempts cannot overdraw; a success gives the
 * units back, so only failures use them up.
 *
 * <p>An attacker who names a client id could exhaust that id's allowance and lock its owner out.
 * So a client id that authenticated from an address within {@code trusted-for} is known there:
 * attempts of that pair draw on an allowance of their own instead of the id's and the address's.
 * The owner keeps getting tokens from where it always does; only attempts from the attacker's own
 * address, indistinguishable from the owner's there, share the attacker's fate.
 */
@ApplicationScoped
public class FailureThrottle {

    private static final Logger LOG = Logger.getLogger(FailureThrottle.class);
    private static final Object KNOWN = Boolean.TRUE;

    /** One allowance, and when it last ran out into the audit trail (at most once per period). */
    static final class Allowance {
        final String kind;
        final String key;
        final Bucket bucket;
        final AtomicLong lastAudited = new AtomicLong(Long.MIN_VALUE);

        Allowance(String kind, String key, long limit, Duration period) {
            this.kind = kind;
            this.key = key;
            this.bucket = Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, period).build()).build();
        }
    }

    /** One attempt in flight: ends as {@link #succeeded()}, {@link #failed()} or {@link #abandoned()}. */
    public final class Attempt {
        private final String clientId;
        private final String address;
        private final List<Allowance> taken;

        Attempt(String clientId, String address, List<Allowance> taken) {
            this.clientId = clientId;
            this.address = address;
            this.taken = taken;
        }

        public void succeeded() {
            giveBack();
            if (clientId != null) {
                known.put(pair(clientId, address), KNOWN);
            }
        }

        public void failed() {
            for (Allowance a : taken) {
                if (a.bucket.getAvailableTokens() <= 0) {
                    exhausted(a, clientId, address);
                }
            }
        }

        /** Ended without a verdict on the secret (no capacity to verify it): the attempt does not count. */
        public void abandoned() {
            giveBack();
        }

        private void giveBack() {
            for (Allowance a : taken) {
                a.bucket.addTokens(1);
            }
        }
    }

    @Inject
    ThrottleConfig config;

    @Inject
    AuditTrail audit;

    private Cache<String, Allowance> byClient;
    private Cache<String, Allowance> byAddress;
    private Cache<String, Allowance> byPair;
    private Cache<String, Object> known;

    @PostConstruct
    void init() {
        // an allowance untouched for a whole period is full again: forgetting it loses nothing
        byClient = Caffeine.newBuilder().maximumSize(config.maxTracked()).expireAfterAccess(config.period()).build();
        byAddress = Caffeine.newBuilder().maximumSize(config.maxTracked()).expireAfterAccess(config.period()).build();
        byPair = Caffeine.newBuilder().maximumSize(config.maxTracked()).expireAfterAccess(config.period()).build();
        known = Caffeine.newBuilder().maximumSize(config.maxTracked()).expireAfterWrite(config.trustedFor()).build();
    }

    /**
     * Takes one unit of each allowance this attempt draws on, or refuses it with 429 when one is
     * spent. Called before anything about the client is read.
     */
    public Attempt begin(String clientId, String address) {
        if (!config.enabled()) {
            return new Attempt(clientId, address, List.of());
        }
        String source = addressKey(address);
        List<Allowance> taken = new ArrayList<>(2);
        if (known.getIfPresent(pair(clientId, source)) != null) {
            take(taken, byPair, "known client and address", pair(clientId, source), config.clientFailures());
        } else {
            // the address first: a spent address creates no allowance for every client id it names
            take(taken, byAddress, "address", source, config.addressFailures());
            take(taken, byClient, "client id", clientId, config.clientFailures());
        }
        return new Attempt(clientId, source, taken);
    }

    private void take(List<Allowance> taken, Cache<String, Allowance> allowances, String kind, String key, long limit) {
        Allowance a = allowances.get(key, k -> new Allowance(kind, k, limit, config.period()));
        ConsumptionProbe probe = a.bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            for (Allowance t : taken) {
                t.bucket.addTokens(1);
            }
            long seconds = (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
            throw OAuthError.throttled("too many failed client authentications for this " + kind + "; retry after "
                    + Math.max(1, seconds) + " s", seconds);
        }
        taken.add(a);
    }

    private void exhausted(Allowance a, String clientId, String address) {
        long now = System.nanoTime();
        long last = a.lastAudited.get();
        if (last != Long.MIN_VALUE && now - last < config.period().toNanos()) {
            return;
        }
        if (!a.lastAudited.compareAndSet(last, now)) {
            return;
        }
        long limit = a.kind.equals("address") ? config.addressFailures() : config.clientFailures();
        String summary = limit + " failed client authentications within " + config.period().toSeconds() + " s for "
                + a.kind + " " + a.key + " (last: client id " + clientId + " from " + address
                + "); further attempts are refused with 429 until the allowance refills";
        LOG.warn(summary);
        try {
            QuarkusTransaction.requiringNew().run(() -> audit.record("client-authentication", truncate(a.key),
                    "throttled", summary));
        } catch (RuntimeException e) {
            // the refusal stands whether or not it could be recorded
            LOG.errorf(e, "could not record the throttling of %s %s", a.kind, a.key);
        }
    }

    static String pair(String clientId, String address) {
        return clientId + " at " + address;
    }

    /**
     * The address a limit is kept for. An IPv6 host usually has a whole /64 to itself, so its
     * addresses share one allowance; an IPv4 address stands for itself.
     */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal: no name lookup happens
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
