package org.christchurchcall.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.christchurchcall.platform.security.Claims;
import org.christchurchcall.platform.security.Roles;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints access tokens for tests: valid ones for any roles and supporter, and each kind of bad
 * token a service must refuse with 401. Signed with the test key in {@code test-keys/}, which the
 * platform's {@code %test} profile trusts.
 */
public final class TestTokens {

    public static final String ISSUER = "https://supporter.ccall.local";
    public static final String AUDIENCE = "ccall-platform";
    public static final String KEY_ID = "test-key-1";
    public static final String SIGNING_KEY = "test-keys/signing-key.pem";
    public static final String OTHER_KEY = "test-keys/other-key.pem";

    private TestTokens() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A token with these roles and no supporter (e.g. the secretariat's own client or a service). */
    public static String withRoles(String... roles) {
        return builder().roles(roles).sign();
    }

    /** A token of a supporter's client: its type role is added to the given roles. */
    public static String forSupporter(UUID supporterId, String supporterType, String... roles) {
        return builder().supporter(supporterId, supporterType).roles(roles).sign();
    }

    public static String secretariat() {
        return withRoles(Roles.SECRETARIAT);
    }

    public static String expired(String... roles) {
        return builder().roles(roles).issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800))
                .sign();
    }

    public static String signedByOtherKey(String... roles) {
        return builder().roles(roles).key(OTHER_KEY).sign();
    }

    public static String wrongIssuer(String... roles) {
        return builder().roles(roles).issuer("https://attacker.example").sign();
    }

    public static String wrongAudience(String... roles) {
        return builder().roles(roles).audience("some-other-api").sign();
    }

    /** An unsigned token ({@code alg: none}) carrying otherwise perfect claims. */
    public static String algNone(String... roles) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = Instant.now().getEpochSecond();
        StringBuilder groups = new StringBuilder();
        for (String r : roles) {
            groups.append(groups.length() == 0 ? "" : ",").append('"').append(r).append('"');
        }
        String payload = b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"forger\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + ",\"jti\":\"" + UUID.randomUUID() + "\",\"groups\":[" + groups + "]}");
        return header + "." + payload + ".";
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    public static final class Builder {
        private String subject = "test-client-" + UUID.randomUUID();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private final Set<String> roles = new LinkedHashSet<>();
        private UUID supporterId;
        private String supporterType;
        private Instant issuedAt = Instant.now();
        private Instant expiresAt = Instant.now().plusSeconds(900);
        private String key = SIGNING_KEY;
        private String keyId = KEY_ID;

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles.addAll(Arrays.asList(roles));
            return this;
        }

        public Builder supporter(UUID id, String type) {
            this.supporterId = id;
            this.supporterType = type;
            if (type != null) {
                roles.add(type);
            }
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder issuedAt(Instant at) {
            this.issuedAt = at;
            return this;
        }

        public Builder expiresAt(Instant at) {
            this.expiresAt = at;
            return this;
        }

        /** A classpath location of a PKCS#8 PEM private key. */
        public Builder key(String location) {
            this.key = location;
            return this;
        }

        public Builder keyId(String kid) {
            this.keyId = kid;
            return this;
        }

        public String sign() {
            JwtClaimsBuilder b = Jwt.issuer(issuer).audience(audience).subject(subject).groups(Set.copyOf(roles))
                    .issuedAt(issuedAt).expiresAt(expiresAt).claim("jti", UUID.randomUUID().toString());
            if (supporterId != null) {
                b.claim(Claims.SUPPORTER_ID, supporterId.toString());
            }
            if (supporterType != null) {
                b.claim(Claims.SUPPORTER_TYPE, supporterType);
            }
            return b.jws().keyId(keyId).sign(key);
        }
    }
}
