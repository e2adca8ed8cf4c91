package org.christchurchcall.platform.webhook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import org.christchurchcall.platform.webhook.WebhookVerificationException.Reason;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

class WebhookVerifierTest {

    // the example of the Standard Webhooks specification
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TS = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    /** A receiver whose clock reads {@code TS + offsetSeconds}. */
    static WebhookVerifier at(long offsetSeconds) {
        return new WebhookVerifier(SECRET, WebhookVerifier.DEFAULT_TOLERANCE,
                Clock.fixed(Instant.ofEpochSecond(TS + offsetSeconds), ZoneOffset.UTC));
    }

    static Reason reason(Runnable r) {
        return assertThrows(WebhookVerificationException.class, r::run).reason();
    }

    @Test
    void signsAsTheSpecificationExampleDoes() {
        assertEquals(SIGNATURE, WebhookSignature.sign(SECRET, ID, TS, BODY));
    }

    @Test
    void aValidWebhookVerifies() {
        at(0).verify(ID, Long.toString(TS), SIGNATURE, BODY);
        at(0).verify(ID, Long.toString(TS), SIGNATURE, BODY.getBytes(StandardCharsets.UTF_8));
        assertTrue(at(299).isValid(ID, Long.toString(TS), SIGNATURE, BODY));
        assertTrue(at(-299).isValid(ID, Long.toString(TS), SIGNATURE, BODY));
    }

    @Test
    void aTamperedBodyIdOrTimestampIsRefused() {
        assertEquals(Reason.NO_MATCHING_SIGNATURE, reason(() -> at(0).verify(ID, Long.toString(TS), SIGNATURE,
                "{\"test\": 2432232315}")));
        assertEquals(Reason.NO_MATCHING_SIGNATURE, reason(() -> at(0).verify(ID, Long.toString(TS), SIGNATURE,
                BODY + " ")));
        assertEquals(Reason.NO_MATCHING_SIGNATURE, reason(() -> at(0).verify("msg_other", Long.toString(TS),
                SIGNATURE, BODY)));
        assertEquals(Reason.NO_MATCHING_SIGNATURE, reason(() -> at(0).verify(ID, Long.toString(TS + 1), SIGNATURE,
                BODY)));
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        String other = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        assertEquals(Reason.NO_MATCHING_SIGNATURE, reason(() -> at(0).verify(ID, Long.toString(TS),
                WebhookSignature.sign(other, ID, TS, BODY), BODY)));
        WebhookVerifier wrongSecret = new WebhookVerifier(other, WebhookVerifier.DEFAULT_TOLERANCE,
                Clock.fixed(Instant.ofEpochSecond(TS), ZoneOffset.UTC));
        assertFalse(wrongSecret.isValid(ID, Long.toString(TS), SIGNATURE, BODY));
    }

    @Test
    void aTimestampOlderThanTheToleranceIsRefusedAsAReplay() {
        assertEquals(Reason.TOO_OLD, reason(() -> at(301).verify(ID, Long.toString(TS), SIGNATURE, BODY)));
        assertEquals(Reason.TOO_OLD, reason(() -> at(86_400).verify(ID, Long.toString(TS), SIGNATURE, BODY)));
        // a stricter receiver
        WebhookVerifier strict = new WebhookVerifier(SECRET, Duration.ofSeconds(30),
                Clock.fixed(Instant.ofEpochSecond(TS + 31), ZoneOffset.UTC));
        assertEquals(Reason.TOO_OLD, reason(() -> strict.verify(ID, Long.toString(TS), SIGNATURE, BODY)));
        // and a more lenient one
        WebhookVerifier lenient = new WebhookVerifier(SECRET, Duration.ofMinutes(10),
                Clock.fixed(Instant.ofEpochSecond(TS + 599), ZoneOffset.UTC));
        lenient.verify(ID, Long.toString(TS), SIGNATURE, BODY);
    }

    @Test
    void aTimestampTooFarInTheFutureIsRefused() {
        assertEquals(Reason.TOO_NEW, reason(() -> at(-301).verify(ID, Long.toString(TS), SIGNATURE, BODY)));
        assertEquals(Reason.TOO_NEW, reason(() -> at(-86_400).verify(ID, Long.toString(TS), SIGNATURE, BODY)));
    }

    @Test
    void oneValidSignatureAmongSeveralIsEnough() {
        String other = WebhookSignature.sign("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), ID, TS, BODY);
        at(0).verify(ID, Long.toString(TS), other + " " + SIGNATURE, BODY);
        at(0).verify(ID, Long.toString(TS), SIGNATURE + " " + other, BODY);
        // entries of other versions and undecodable entries are skipped, not fatal
        at(0).verify(ID, Long.toString(TS), "v1a,c2lnbmVk v1,%%% " + SIGNATURE, BODY);
        assertEquals(Reason.NO_MATCHING_SIGNATURE, reason(() -> at(0).verify(ID, Long.toString(TS),
                other + " v1a," + SIGNATURE.substring(3), BODY)));
    }

    @Test
    void malformedHeadersAreRefused() {
        assertEquals(Reason.MALFORMED, reason(() -> at(0).verify(null, Long.toString(TS), SIGNATURE, BODY)));
        assertEquals(Reason.MALFORMED, reason(() -> at(0).verify(ID, null, SIGNATURE, BODY)));
        assertEquals(Reason.MALFORMED, reason(() -> at(0).verify(ID, "yesterday", SIGNATURE, BODY)));
        assertEquals(Reason.MALFORMED, reason(() -> at(0).verify(ID, Long.toString(TS), null, BODY)));
        assertEquals(Reason.NO_MATCHING_SIGNATURE, reason(() -> at(0).verify(ID, Long.toString(TS), "", BODY)));
    }

    @Test
    void aSignatureThatDiffersOnlyInItsLastByteIsRefused() {
        byte[] mac = Base64.getDecoder().decode(SIGNATURE.substring(3));
        byte[] near = Arrays.copyOf(mac, mac.length);
        near[near.length - 1] ^= 1;
        assertEquals(Reason.NO_MATCHING_SIGNATURE, reason(() -> at(0).verify(ID, Long.toString(TS),
                "v1," + Base64.getEncoder().encodeToString(near), BODY)));
        byte[] prefix = Arrays.copyOf(mac, mac.length - 1);
        assertEquals(Reason.NO_MATCHING_SIGNATURE, reason(() -> at(0).verify(ID, Long.toString(TS),
                "v1," + Base64.getEncoder().encodeToString(prefix), BODY)));
    }

    /**
     * Timing cannot be measured reliably in a unit test, so the rule is checked on the code: the
     * verifier compares signatures with MessageDigest.isEqual (constant time for equal lengths)
     * and never with an equality that stops at the first differing byte.
     */
    @Test
    void signaturesAreComparedInConstantTime() {
        JavaClasses verifier = new ClassFileImporter().importClasses(WebhookVerifier.class);
        classes().should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class).check(verifier);
        noClasses().should().callMethod(String.class, "equals", Object.class)
                .orShould().callMethod(String.class, "contentEquals", CharSequence.class)
                .orShould().callMethod(String.class, "equalsIgnoreCase", String.class)
                .orShould().callMethod(Arrays.class, "equals", byte[].class, byte[].class)
                .orShould().callMethod(Arrays.class, "mismatch", byte[].class, byte[].class)
                .orShould().callMethod(Object.class, "equals", Object.class)
                .check(verifier);
    }

    @Test
    void neitherTheVerifierNorItsErrorsShowTheSecret() {
        WebhookVerifier v = at(0);
        assertFalse(v.toString().contains(SECRET.substring(6)));
        String m1 = assertThrows(WebhookVerificationException.class,
                () -> v.verify(ID, Long.toString(TS), "v1,AAAA", BODY)).getMessage();
        assertFalse(m1.contains(SIGNATURE.substring(3)), "the expected signature is not revealed");
        String m2 = assertThrows(IllegalArgumentException.class, () -> new WebhookVerifier("whsec_not base64!"))
                .getMessage();
        assertFalse(m2.contains("not base64!"));
    }
}
