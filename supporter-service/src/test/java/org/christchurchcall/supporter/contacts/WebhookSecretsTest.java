package org.christchurchcall.supporter.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.UUID;

import org.christchurchcall.supporter.contacts.config.ContactsConfig;
import org.christchurchcall.supporter.contacts.service.WebhookSecrets;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    static ContactsConfig config(String key) {
        return new ContactsConfig() {
            @Override
            public boolean allowLoopbackHttp() {
                return false;
            }

            @Override
            public String secretEncryptionKey() {
                return key;
            }
        };
    }

    private final WebhookSecrets secrets = new WebhookSecrets(config(Base64.getEncoder().encodeToString(new byte[32])));

    @Test
    void secretsAreWhsecPlus32RandomBytes() {
        String a = secrets.generate();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        assertNotEquals(a, secrets.generate());
    }

    @Test
    void encryptionRoundTripsOnlyForTheSameEndpointAndKey() {
        UUID endpoint = UUID.randomUUID();
        String secret = secrets.generate();
        String sealed = secrets.encrypt(endpoint, secret);
        assertNotEquals(sealed, secrets.encrypt(endpoint, secret), "a fresh IV every time");
        assertEquals(secret, secrets.decrypt(endpoint, sealed));
        assertThrows(IllegalStateException.class, () -> secrets.decrypt(UUID.randomUUID(), sealed));
        byte[] other = new byte[32];
        other[0] = 1;
        WebhookSecrets otherKey = new WebhookSecrets(config(Base64.getEncoder().encodeToString(other)));
        assertThrows(IllegalStateException.class, () -> otherKey.decrypt(endpoint, sealed));
    }

    @Test
    void aKeyOfTheWrongSizeStopsStartUp() {
        assertThrows(IllegalStateException.class,
                () -> new WebhookSecrets(config(Base64.getEncoder().encodeToString(new byte[16]))));
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(config("not base64!")));
    }
}
