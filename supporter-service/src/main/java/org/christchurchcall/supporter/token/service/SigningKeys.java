package org.christchurchcall.supporter.token.service;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.christchurchcall.supporter.token.config.SigningConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * The key that signs tokens now and the public keys still published in the JWKS. Loaded once at
 * start-up, so that a missing or broken key stops the service instead of failing every token.
 */
@Singleton
@Startup
public class SigningKeys {

    public static final Duration MAX_TTL = Duration.ofMinutes(15);

    private final String keyId;
    private final PrivateKey privateKey;
    private final Duration ttl;
    private final String jwks;
    private final List<String> publishedKeyIds = new ArrayList<>();

    public SigningKeys(SigningConfig config, ObjectMapper mapper) {
        if (config.tokenTtl().isNegative() || config.tokenTtl().isZero() || config.tokenTtl().compareTo(MAX_TTL) > 0) {
            throw new IllegalStateException("ccall.signing.token-ttl must be positive and at most " + MAX_TTL);
        }
        this.ttl = config.tokenTtl();
        this.keyId = config.keyId();
        RSAPrivateCrtKey key = privateKey(config.keyLocation());
        this.privateKey = key;
        List<Map<String, String>> keys = new ArrayList<>();
        keys.add(jwk(keyId, publicOf(key)));
        publishedKeyIds.add(keyId);
        for (String entry : config.previousKeys().orElse(List.of())) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalStateException("ccall.signing.previous-keys entries are kid=location, not: " + entry);
            }
            String kid = entry.substring(0, eq).trim();
            if (publishedKeyIds.contains(kid)) {
                throw new IllegalStateException("kid " + kid + " is published twice");
            }
            keys.add(jwk(kid, publicKey(entry.substring(eq + 1).trim())));
            publishedKeyIds.add(kid);
        }
        try {
            this.jwks = mapper.writeValueAsString(Map.of("keys", keys));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JWKS", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The JSON Web Key Set document, built once. */
    public String jwks() {
        return jwks;
    }

    public List<String> publishedKeyIds() {
        return List.copyOf(publishedKeyIds);
    }

    /** Names the keys; the private key never prints. */
    @Override
    public String toString() {
        return "SigningKeys[keyId=" + keyId + ", published=" + publishedKeyIds + ", ttl=" + ttl + "]";
    }

    private static Map<String, String> jwk(String kid, RSAPublicKey key) {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", unsigned(key.getModulus()));
        jwk.put("e", unsigned(key.getPublicExponent()));
        return jwk;
    }

    /** Base64url of the big-endian magnitude without a sign byte (RFC 7518 §6.3.1). */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RSAPrivateCrtKey privateKey(String location) {
        try {
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(location, "PRIVATE KEY")));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalStateException("the signing key at " + location + " lacks its public part");
            }
            return crt;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key at " + location + " is not a PKCS#8 RSA key", e);
        }
    }

    private static RSAPublicKey publicKey(String location) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(pem(location, "PUBLIC KEY")));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("the key at " + location + " is not an RSA public key", e);
        }
    }

    private static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
    }

    private static byte[] pem(String location, String label) {
        String text = read(location);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(location + " holds no PEM block '" + label + "'");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    /** A file path, or else a classpath resource (an optional {@code classpath:} prefix forces it). */
    private static String read(String location) {
        try {
            String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : null;
            if (resource == null) {
                Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
                if (Files.isReadable(file)) {
                    return Files.readString(file, StandardCharsets.US_ASCII);
                }
                resource = location;
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
                if (in == null) {
                    throw new IllegalStateException("no key at " + location + " (neither a file nor on the classpath)");
                }
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the key at " + location, e);
        }
    }
}
