package org.christchurchcall.supporter.token.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.supporter.token.config.TokenConfig;
import org.christchurchcall.platform.security.Claims;
import org.christchurchcall.supporter.clients.ApiClient;
import org.christchurchcall.supporter.clients.ClientRolePolicy;
import org.christchurchcall.supporter.clients.repository.ApiClientRepository;
import org.christchurchcall.supporter.entitlements.EntitlementKind;
import org.christchurchcall.supporter.entitlements.repository.EntitlementRepository;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.repository.SupporterRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The client-credentials grant (RFC 6749 §4.4) with HTTP Basic client authentication. The
 * client, its supporter and the supporter's role grants are read on every request, so a
 * revocation, a suspension or a withdrawn role shows in the very next token.
 */
@ApplicationScoped
public class TokenService {

    public static final String GRANT = "client_credentials";

    /** What the token endpoint answers on success. */
    public record IssuedToken(String accessToken, long expiresIn, Set<String> roles) {
        /** A bearer token is a credential: it does not print. */
        @Override
        public String toString() {
            return "IssuedToken[accessToken=[redacted], expiresIn=" + expiresIn + ", roles=" + roles + "]";
        }
    }

    @Inject
    ApiClientRepository clients;

    @Inject
    SupporterRepository supporters;

    @Inject
    SigningKeys keys;

    @Inject
    EntitlementRepository entitlements;

    @Inject
    MeterRegistry meters;

    @Inject
    FailureThrottle throttle;

    @Inject
    VerificationPool verification;

    @Inject
    TokenConfig tokenConfig;

    /** Compared against when the client id is unknown, so that unknown and wrong secrets take as long. */
    private final String decoyHash = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), 10);

    /** @param address the peer's address, or the forwarded one where a proxy is trusted (quarkus.http.proxy.*) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IssuedToken issue(String authorization, String grantType, String scope, String address) {
        try {
            IssuedToken token = grant(authorization, grantType, scope, address);
            meters.counter("ccall.tokens", "outcome", "issued").increment();
            return token;
        } catch (OAuthError e) {
            meters.counter("ccall.tokens", "outcome", e.error()).increment();
            throw e;
        }
    }

    private IssuedToken grant(String authorization, String grantType, String scope, String address) {
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        if (!GRANT.equals(grantType)) {
            throw new OAuthError(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        String[] credentials = basic(authorization);
        ApiClient client = authenticate(credentials[0], credentials[1], address);
        Supporter supporter = null;
        if (client.supporterId != null) {
            supporter = supporters.findById(client.supporterId);
            if (supporter == null || !supporter.isActive()) {
                throw new OAuthError(400, "unauthorized_client", "the client's supporter is not active");
            }
        }
        Set<String> held = supporter == null ? new LinkedHashSet<>(Arrays.asList(client.roles))
                : ClientRolePolicy.effective(supporter.type, client.roles,
                        entitlements.codes(supporter.id, EntitlementKind.ROLE));
        Set<String> roles = narrow(held, supporter, scope);
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(tokenConfig.issuer()).audience(tokenConfig.audience())
                .subject(client.clientId).groups(roles).issuedAt(now).expiresAt(now.plus(keys.ttl()))
                .claim("jti", UUID.randomUUID().toString());
        if (supporter != null) {
            claims.claim(Claims.SUPPORTER_ID, supporter.id.toString()).claim(Claims.SUPPORTER_TYPE, supporter.type.code());
        }
        String jwt = claims.jws().keyId(keys.keyId()).algorithm(SignatureAlgorithm.RS256).sign(keys.privateKey());
        return new IssuedToken(jwt, keys.ttl().toSeconds(), roles);
    }

    /**
     * The client whose secret this is, or invalid_client. The throttle comes first, so that a
     * refused attempt costs neither a database read nor a bcrypt comparison.
     */
    private ApiClient authenticate(String clientId, String secret, String address) {
        FailureThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(clientId, address);
        } catch (OAuthError e) {
            authentications("throttled");
            throw e;
        }
        boolean authenticated;
        ApiClient client;
        try {
            Optional<ApiClient> found = clients.findByClientId(clientId);
            client = found.orElse(null);
            authenticated = verification.matches(secret, client == null ? decoyHash : client.secretHash)
                    && client != null && !client.isRevoked();
        } catch (RuntimeException e) {
            attempt.abandoned();
            if (e instanceof OAuthError) {
                authentications("busy");
            }
            throw e;
        }
        if (!authenticated) {
            attempt.failed();
            authentications("failed");
            throw OAuthError.invalidClient();
        }
        attempt.succeeded();
        authentications("succeeded");
        return client;
    }

    private void authentications(String outcome) {
        meters.counter("ccall.token.authentications", "outcome", outcome).increment();
    }

    /** The requested scope, if any, narrows the client's roles; the supporter's type role always stays. */
    private static Set<String> narrow(Set<String> granted, Supporter supporter, String scope) {
        if (scope == null || scope.isBlank()) {
            return granted;
        }
        Set<String> roles = new LinkedHashSet<>();
        if (supporter != null) {
            roles.add(supporter.type.role());
        }
        for (String s : scope.trim().split("\\s+")) {
            if (!granted.contains(s)) {
                throw new OAuthError(400, "invalid_scope", "the client does not have the role '" + s + "'"
                        + (supporter == null ? "" : " or its supporter no longer holds it"));
            }
            roles.add(s);
        }
        return roles;
    }

    /** {@code Basic base64(urlencode(id):urlencode(secret))} per RFC 6749 §2.3.1. */
    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw OAuthError.invalidClient();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw OAuthError.invalidClient();
        }
        try {
            return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient();
        }
    }
}
