package org.christchurchcall.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Why a request was not authenticated, told so that the client knows what to fix, and the RFC 6750
 * {@code WWW-Authenticate} challenge that goes with it.
 *
 * <p>A request without credentials gets a bare challenge (RFC 6750 section 3.1: no error code when the
 * client did not try); a broken Authorization header gets {@code invalid_request}; a token that
 * fails verification gets {@code invalid_token} with the reason read from the verifier's cause
 * chain (jose4j error codes under SmallRye JWT's ParseException). The text names only the
 * platform's public settings (issuer, audience, clock skew) and the token's own claims, never a key
 * or the verifier's message, which quotes the whole token.
 */
public record BearerChallenge(String error, String detail) {

    public static final String REALM = "ccall";
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String INVALID_REQUEST = "invalid_request";

    private static final String GET_ONE =
            "; get a token with the client-credentials grant at the issuer's /oauth2/token";

    /** What the token verifier expects; the messages name these so that a misconfigured client sees the mismatch. */
    public record Expectations(String issuer, String audience, int clockSkewSeconds) {
    }

    /**
     * The challenge for a refused request.
     *
     * @param failure the authentication failure, or null when the request carried no usable token
     * @param authorization the request's Authorization header, or null
     */
    public static BearerChallenge of(Throwable failure, String authorization, Expectations expected) {
        if (failure == null) {
            return withoutToken(authorization);
        }
        InvalidJwtException invalid = find(failure, InvalidJwtException.class);
        if (invalid != null) {
            return invalidToken(invalid, expected);
        }
        if (find(failure, UnresolvableKeyException.class) != null) {
            return unresolvableKey(joseHeader(authorization));
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("claim value cannot be")) {
                return new BearerChallenge(INVALID_TOKEN,
                        "the token's exp and iat claims are not a valid lifetime" + GET_ONE);
            }
        }
        return new BearerChallenge(INVALID_TOKEN, "the bearer token could not be verified" + GET_ONE);
    }

    private static BearerChallenge withoutToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new BearerChallenge(null,
                    "this endpoint needs a bearer token: send 'Authorization: Bearer <token>'" + GET_ONE);
        }
        String scheme = authorization.strip().split("\\s+", 2)[0];
        if (!scheme.equalsIgnoreCase("Bearer")) {
            // RFC 6750 section 3.1: a client that used another scheme did not try a bearer token
            return new BearerChallenge(null, "this endpoint takes a bearer token, not the " + printable(scheme, 30)
                    + " scheme: send 'Authorization: Bearer <token>'" + GET_ONE);
        }
        return new BearerChallenge(INVALID_REQUEST, "the Authorization header names the Bearer scheme but carries"
                + " no token: send 'Authorization: Bearer <token>'");
    }

    /** The key lookup runs before the algorithm check, so a token without a usable kid is explained from its header. */
    private static BearerChallenge unresolvableKey(Map<String, Object> header) {
        Object alg = header.get("alg");
        if (!"RS256".equals(alg)) {
            return new BearerChallenge(INVALID_TOKEN, "the token's algorithm (alg) is " + (alg == null ? "missing"
                    : "'" + printable(alg.toString(), 20) + "'") + "; tokens must be signed with RS256" + GET_ONE);
        }
        Object kid = header.get("kid");
        if (kid == null) {
            return new BearerChallenge(INVALID_TOKEN, "the token's header has no kid naming its signing key" + GET_ONE);
        }
        return new BearerChallenge(INVALID_TOKEN, "the token's signing key (kid '" + printable(kid.toString(), 60)
                + "') is not one the issuer publishes in its JWKS" + GET_ONE);
    }

    /** The token's JOSE header, decoded without trusting it; empty when there is none to read. */
    private static Map<String, Object> joseHeader(String authorization) {
        if (authorization == null) {
            return Map.of();
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length < 2) {
            return Map.of();
        }
        int dot = parts[1].indexOf('.');
        if (dot <= 0 || dot > 2048) {
            return Map.of();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1].substring(0, dot)), StandardCharsets.UTF_8);
            return JsonUtil.parseJson(json);
        } catch (IllegalArgumentException | JoseException | ClassCastException e) {
            return Map.of();
        }
    }

    private static BearerChallenge invalidToken(InvalidJwtException e, Expectations expected) {
        // a bad signature makes every claim untrustworthy, so it is the only thing said about such a token
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return new BearerChallenge(INVALID_TOKEN,
                    "the token's signature does not verify with the issuer's published keys (signed by another key?)"
                            + GET_ONE);
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING) || find(e, InvalidAlgorithmException.class) != null) {
            return new BearerChallenge(INVALID_TOKEN,
                    "the token's algorithm (alg) is not accepted; tokens must be signed with RS256" + GET_ONE);
        }
        if (e.hasErrorCode(ErrorCodes.JSON_INVALID) || e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)
                || e.getJwtContext() == null || e.getJwtContext().getJwtClaims() == null) {
            return new BearerChallenge(INVALID_TOKEN,
                    "the bearer token is not a well-formed signed JWT (header.payload.signature)" + GET_ONE);
        }
        JwtClaims claims = e.getJwtContext().getJwtClaims();
        if (e.hasErrorCode(ErrorCodes.ISSUER_MISSING) || e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
            return new BearerChallenge(INVALID_TOKEN, "the token was issued by '" + claim(claims, "iss")
                    + "'; this platform accepts tokens issued by '" + expected.issuer() + "'" + GET_ONE);
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING) || e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
            return new BearerChallenge(INVALID_TOKEN, "the token is for audience '" + audience(claims)
                    + "'; this platform accepts tokens for '" + expected.audience() + "'" + GET_ONE);
        }
        if (e.hasExpired()) {
            return new BearerChallenge(INVALID_TOKEN, "the token expired at " + time(claims, "exp")
                    + " (tokens are honoured at most " + expected.clockSkewSeconds() + " s past their exp)" + GET_ONE);
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return new BearerChallenge(INVALID_TOKEN, "the token is not valid yet (nbf or iat is in the future;"
                    + " is the issuer's clock ahead by more than " + expected.clockSkewSeconds() + " s?)");
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)) {
            return new BearerChallenge(INVALID_TOKEN, "the token lacks its exp or iat claim" + GET_ONE);
        }
        return new BearerChallenge(INVALID_TOKEN, "the bearer token could not be verified" + GET_ONE);
    }

    /** The value of the {@code WWW-Authenticate} header. */
    public String header() {
        StringBuilder h = new StringBuilder("Bearer realm=\"").append(REALM).append('"');
        if (error != null) {
            h.append(", error=\"").append(error).append("\", error_description=\"").append(printable(detail, 500))
                    .append('"');
        }
        return h.toString();
    }

    private static String claim(JwtClaims claims, String name) {
        Object v = claims == null ? null : claims.getClaimValue(name);
        return v == null ? "(none)" : printable(v.toString(), 100);
    }

    private static String audience(JwtClaims claims) {
        try {
            List<String> aud = claims == null ? null : claims.getAudience();
            return aud == null || aud.isEmpty() ? "(none)" : printable(String.join(", ", aud), 100);
        } catch (MalformedClaimException e) {
            return "(malformed)";
        }
    }

    private static String time(JwtClaims claims, String name) {
        try {
            NumericDate d = claims == null ? null : claims.getNumericDateClaimValue(name);
            return d == null ? "(none)" : Instant.ofEpochSecond(d.getValue()).toString();
        } catch (MalformedClaimException e) {
            return "(malformed)";
        }
    }

    /** RFC 6750 allows only printable ASCII without '"' and '\' in error_description; claims are caller input. */
    static String printable(String s, int max) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
        }
        return out.toString();
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
