package org.christchurchcall.protocol.secret;

/**
 * A secret encrypted under the key {@code keyId}: {@code ciphertext} is base64 of the 12-byte
 * nonce followed by the AES-GCM ciphertext and its 16-byte tag.
 */
public record SealedSecret(String keyId, String ciphertext) {
}
