package org.christchurchcall.supporter.token;

import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.christchurchcall.supporter.token.TokenRequests.Answer;
import org.christchurchcall.supporter.token.TokenRequests.Credentials;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Behind a trusted proxy the throttle counts the forwarded client addresses, and an attack on a
 * client id from one address does not lock the client out where it authenticated before.
 */
@QuarkusTest
@TestProfile(TrustedProxyThrottleTest.BehindAProxy.class)
class TrustedProxyThrottleTest {

    static final int CLIENT_FAILURES = 5;

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccall.token.throttle.client-failures", String.valueOf(CLIENT_FAILURES),
                    "ccall.token.throttle.address-failures", "20", "ccall.token.throttle.period", "PT1H",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @TestHTTPResource("/oauth2/token")
    URI endpoint;

    @Test
    void anAttackOnAClientIdFromElsewhereDoesNotLockItsOwnerOutWhereItAuthenticatedBefore() {
        Credentials owner = TokenRequests.newClient();
        String home = "198.51.100.7";
        String attacker = "203.0.113.9";
        assertEquals(200, TokenRequests.token(endpoint, owner.id(), owner.secret(), home).status());

        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 3 * CLIENT_FAILURES; i++) {
            Answer a = TokenRequests.token(endpoint, owner.id(), "guess-" + i, attacker);
            if (a.status() == 401) {
                refused++;
            } else {
                assertEquals(429, a.status());
                throttled++;
            }
        }
        assertEquals(CLIENT_FAILURES, refused, "the client id's allowance, then nothing more reaches bcrypt");
        assertEquals(2 * CLIENT_FAILURES, throttled);

        // the owner, from where it got its tokens before, still gets them, and more than once
        for (int i = 0; i < 3; i++) {
            Answer own = TokenRequests.token(endpoint, owner.id(), owner.secret(), home);
            assertEquals(200, own.status(), "the owner's request from its own address");
        }
        // from an address where the client id is not known, even its secret waits like the attacker
        Answer elsewhere = TokenRequests.token(endpoint, owner.id(), owner.secret(), "192.0.2.44");
        assertEquals(429, elsewhere.status());
        assertTrue(Long.parseLong(elsewhere.retryAfter()) >= 1);

        // the audit trail names the forwarded address, not the proxy's
        asSecretariat().queryParam("entityType", "client-authentication").queryParam("entityId", owner.id())
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items[0].summary", containsString("from " + attacker));
    }

    @Test
    void failuresFromOneForwardedAddressDoNotThrottleAnother() {
        String noisy = "203.0.113.77";
        for (int i = 0; i < 20; i++) {
            TokenRequests.token(endpoint, "cc-unknown-" + i, "x", noisy);
        }
        Answer spent = TokenRequests.token(endpoint, "cc-unknown-last", "x", noisy);
        assertEquals(429, spent.status());
        assertTrue(spent.field("detail").contains("address"), spent.field("detail"));

        Credentials other = TokenRequests.newClient();
        assertEquals(200, TokenRequests.token(endpoint, other.id(), other.secret(), "198.51.100.200").status());
    }
}
