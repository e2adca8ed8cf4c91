package org.christchurchcall.supporter.token;

import static io.restassured.RestAssured.given;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.christchurchcall.supporter.token.TokenRequests.Answer;
import org.christchurchcall.supporter.token.TokenRequests.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A credential-guessing attack on the token endpoint, run in an application of its own: the
 * failures it leaves behind would throttle the other tests' clients.
 */
@QuarkusTest
@TestProfile(TokenThrottleTest.Throttled.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenThrottleTest {

    static final int CLIENT_FAILURES = 10;
    static final int ADDRESS_FAILURES = 40;

    public static class Throttled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccall.token.throttle.client-failures", String.valueOf(CLIENT_FAILURES),
                    "ccall.token.throttle.address-failures", String.valueOf(ADDRESS_FAILURES),
                    "ccall.token.throttle.period", "PT1H");
        }
    }

    @TestHTTPResource("/oauth2/token")
    URI endpoint;

    /** Made by the first test, used by the later ones: it authenticated from this address during the attack. */
    static Credentials bystander;
    static Credentials victim;

    @AfterAll
    static void clear() {
        bystander = null;
        victim = null;
    }

    Answer token(String id, String secret, String forwardedFor) {
        return TokenRequests.token(endpoint, id, secret, forwardedFor);
    }

    @Test
    @Order(1)
    void guessingOneClientsSecretIsThrottledWhileAnotherClientGetsItsTokenAtOnce() throws Exception {
        victim = TokenRequests.newClient();
        bystander = TokenRequests.newClient();
        int attempts = 300;
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch bystanderAsks = new CountDownLatch(1);
        List<Future<Answer>> attack = new ArrayList<>();
        ExecutorService six = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < attempts; i++) {
                String guess = "guess-" + i;
                boolean secondHalf = i >= attempts / 2;
                attack.add(six.submit(() -> {
                    if (secondHalf) {
                        // so that the bystander's request is in the middle of the attack, however fast it goes
                        bystanderAsks.await();
                    }
                    Answer a = token(victim.id(), guess, null);
                    answered.incrementAndGet();
                    return a;
                }));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= 30);
            bystanderAsks.countDown();
            long started = System.nanoTime();
            Answer own = token(bystander.id(), bystander.secret(), null);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, own.status(), "the bystander's token request during the attack");
            assertTrue(millis < 1000, "the bystander waited " + millis + " ms");
            assertTrue(own.field("access_token").length() > 100);

            int throttled = 0;
            int refused = 0;
            for (Future<Answer> f : attack) {
                Answer a = f.get();
                if (a.status() == 429) {
                    throttled++;
                    assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
                    assertTrue(Long.parseLong(a.retryAfter()) >= 1, "Retry-After " + a.retryAfter());
                    assertEquals("429", a.field("status"));
                    assertEquals("urn:ccall:problem:too-many-requests", a.field("type"));
                    assertEquals("temporarily_unavailable", a.field("error"));
                    assertTrue(a.field("detail").contains("client id"), a.field("detail"));
                } else {
                    assertEquals(401, a.status(), "an attempt that was not throttled is refused as invalid_client");
                    assertEquals("invalid_client", a.field("error"));
                    refused++;
                }
            }
            assertTrue(throttled >= 250, throttled + " of " + attempts + " were throttled, " + refused + " refused");
            // the allowance, plus what came back while the attack ran (one every 6 minutes)
            assertTrue(refused <= CLIENT_FAILURES + 2, refused + " attempts reached bcrypt");
        } finally {
            six.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void theThrottlingIsInTheAuditTrailAndTheMetrics() {
        asSecretariat().queryParam("entityType", "client-authentication").queryParam("entityId", victim.id())
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("throttled"))
                .body("items[0].summary", containsString(CLIENT_FAILURES + " failed client authentications"))
                .body("items[0].summary", containsString("from 127.0.0.1"));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metric(metrics, "ccall_token_authentications_total", "throttled") >= 250, metrics);
        assertTrue(metric(metrics, "ccall_token_authentications_total", "failed") >= CLIENT_FAILURES);
        assertTrue(metric(metrics, "ccall_token_authentications_total", "succeeded") >= 1);
    }

    @Test
    @Order(3)
    void theVictimItselfFromAnAddressItNeverUsedWaitsLikeTheAttacker() {
        Answer a = token(victim.id(), victim.secret(), null);
        assertEquals(429, a.status(), "the secret is not looked at while the client id's allowance is spent");
    }

    /** Last: it spends this address's allowance, after which only clients known here get tokens from it. */
    @Test
    @Order(4)
    void aForgedForwardedForDoesNotEscapeTheAddressLimitUnlessAProxyIsTrusted() {
        int throttledByAddress = 0;
        for (int i = 0; i < ADDRESS_FAILURES + 20 && throttledByAddress == 0; i++) {
            // a new client id every time, so that only the address limit can apply
            Answer a = token("cc-guess-" + UUID.randomUUID(), "x", "198.51.100." + i);
            if (a.status() == 429) {
                assertTrue(a.field("detail").contains("address"), a.field("detail"));
                throttledByAddress++;
            } else {
                assertEquals(401, a.status());
            }
        }
        assertEquals(1, throttledByAddress, "the address allowance ran out despite the X-Forwarded-For headers");

        // a client that got a token from here before keeps getting them; a newcomer here waits
        assertEquals(200, token(bystander.id(), bystander.secret(), null).status());
        Credentials newcomer = TokenRequests.newClient();
        Answer refused = token(newcomer.id(), newcomer.secret(), null);
        assertEquals(429, refused.status());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    static double metric(String exposition, String name, String outcome) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
