package org.christchurchcall.protocol.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimelineChainTest {

    static final UUID INCIDENT = UUID.fromString("5c1c0c7e-0000-4000-8000-000000000001");

    /**
     * Two entries as the code before chain versions wrote them, with the hashes it stored; a
     * third written since, whose hash is the SHA-256 of RFC 8785 JSON (computed independently).
     */
    static final TimelineChain.Link OLD_1 = new TimelineChain.Link(1, 1, INCIDENT,
            UUID.fromString("5c1c0c7e-0000-4000-8000-00000000e001"), Instant.parse("2019-03-15T01:40:00.123456Z"),
            "incident-reported", "client:nz", "{\"exercise\":false,\"title\":\"Christchurch\"}", TimelineChain.GENESIS);
    static final String OLD_1_HASH = "2b821fdd5651270da885242893c8269d4d4d7b122c0db80cb9b2509028d6a011";
    static final TimelineChain.Link OLD_2 = new TimelineChain.Link(1, 2, INCIDENT,
            UUID.fromString("5c1c0c7e-0000-4000-8000-00000000e002"), Instant.parse("2019-03-15T01:52:10Z"), "transition",
            "client:nz", "{\"exercise\":false,\"from\":\"reported\",\"to\":\"assessing\"}", OLD_1_HASH);
    static final String OLD_2_HASH = "bdb2518fe2449e20eba7d19952d8aa312b76f7566618f4dcbcf9db690113906a";
    static final TimelineChain.Link NEW_3 = new TimelineChain.Link(2, 3, INCIDENT,
            UUID.fromString("5c1c0c7e-0000-4000-8000-00000000e003"), Instant.parse("2019-03-15T02:00:00.5Z"),
            "situational-update", "client:nz", "{\"exercise\":false,\"hashesShared\":1200,\"note\":\"é \\\"quoted\\\"\"}",
            OLD_2_HASH);
    static final String NEW_3_HASH = "cf915638e090a03a236cb44657c2491cbc791164925c02d4ee321244ac6d5737";

    static List<TimelineChain.Stored> chain(int version, int n) {
        UUID incident = UUID.randomUUID();
        List<TimelineChain.Stored> out = new ArrayList<>();
        String prev = TimelineChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            var l = new TimelineChain.Link(version, i, incident, UUID.randomUUID(),
                    Instant.parse("2019-03-15T01:40:00.123456789Z"), "situational-update", "client:nz",
                    "{\"hashesShared\":" + i * 100 + "}", prev);
            String h = TimelineChain.hash(l);
            out.add(new TimelineChain.Stored(l, h));
            prev = h;
        }
        return out;
    }

    static TimelineChain.Link with(TimelineChain.Link l, int version, String actor, String payload, String prevHash) {
        return new TimelineChain.Link(version, l.position(), l.incidentId(), l.id(), l.recordedAt(), l.kind(), actor, payload,
                prevHash);
    }

    @Test
    void aChainWrittenBeforeVersionsStillVerifiesWithTheHashesItStored() {
        assertEquals(OLD_1_HASH, TimelineChain.hash(OLD_1));
        assertEquals(OLD_2_HASH, TimelineChain.hash(OLD_2));
        var v = TimelineChain.verify(List.of(new TimelineChain.Stored(OLD_1, OLD_1_HASH), new TimelineChain.Stored(OLD_2, OLD_2_HASH)));
        assertTrue(v.ok(), v::reason);
    }

    @Test
    void aNewEntryAfterOldOnesHashesItsRfc8785Json() {
        assertEquals("{\"actor\":\"client:nz\",\"chainVersion\":2,\"id\":\"5c1c0c7e-0000-4000-8000-00000000e003\","
                + "\"incidentId\":\"5c1c0c7e-0000-4000-8000-000000000001\",\"kind\":\"situational-update\","
                + "\"payload\":{\"exercise\":false,\"hashesShared\":1200,\"note\":\"é \\\"quoted\\\"\"},\"position\":3,"
                + "\"prevHash\":\"" + OLD_2_HASH + "\",\"recordedAt\":\"2019-03-15T02:00:00.500Z\"}", TimelineChain.canonical(NEW_3));
        assertEquals(NEW_3_HASH, TimelineChain.hash(NEW_3));
        var v = TimelineChain.verify(List.of(new TimelineChain.Stored(OLD_1, OLD_1_HASH),
                new TimelineChain.Stored(OLD_2, OLD_2_HASH), new TimelineChain.Stored(NEW_3, NEW_3_HASH)));
        assertTrue(v.ok(), v::reason);
        assertEquals(3, v.entries());
    }

    @Test
    void theNewHashDoesNotDependOnHowThePayloadWasSpelled() {
        var spaced = with(NEW_3, 2, NEW_3.actor(), "{ \"note\": \"\\u00e9 \\\"quoted\\\"\", \"hashesShared\": 1.2e3, "
                + "\"exercise\": false }", NEW_3.prevHash());
        assertEquals(NEW_3_HASH, TimelineChain.hash(spaced));
    }

    @Test
    void tamperingIsFoundInOldAndNewEntries() {
        // an edited old entry
        var editedOld = with(OLD_1, 1, OLD_1.actor(), "{\"exercise\":false,\"title\":\"Elsewhere\"}", OLD_1.prevHash());
        var v = TimelineChain.verify(List.of(new TimelineChain.Stored(editedOld, OLD_1_HASH),
                new TimelineChain.Stored(OLD_2, OLD_2_HASH), new TimelineChain.Stored(NEW_3, NEW_3_HASH)));
        assertFalse(v.ok());
        assertEquals(1, v.firstBrokenPosition());
        // an edited new entry
        var editedNew = with(NEW_3, 2, "client:forger", NEW_3.payload(), NEW_3.prevHash());
        v = TimelineChain.verify(List.of(new TimelineChain.Stored(OLD_1, OLD_1_HASH), new TimelineChain.Stored(OLD_2, OLD_2_HASH),
                new TimelineChain.Stored(editedNew, NEW_3_HASH)));
        assertFalse(v.ok());
        assertEquals(3, v.firstBrokenPosition());
        // a new entry relabelled as old and rehashed the old way: a chain never goes back a version
        var c = new ArrayList<>(chain(2, 3));
        var last = c.get(2).link();
        var relabelled = with(last, 1, "client:forger", last.payload(), last.prevHash());
        c.set(2, new TimelineChain.Stored(relabelled, TimelineChain.hash(relabelled)));
        v = TimelineChain.verify(c);
        assertFalse(v.ok());
        assertEquals(3, v.firstBrokenPosition());
        assertTrue(v.reason().contains("version"), v.reason());
        // an old entry claiming the new version without a new hash
        var upgraded = with(OLD_2, 2, OLD_2.actor(), OLD_2.payload(), OLD_2.prevHash());
        v = TimelineChain.verify(List.of(new TimelineChain.Stored(OLD_1, OLD_1_HASH), new TimelineChain.Stored(upgraded, OLD_2_HASH)));
        assertFalse(v.ok());
        assertEquals(2, v.firstBrokenPosition());
    }

    @Test
    void anIntactChainVerifies() {
        for (int version : new int[] { 1, 2 }) {
            var v = TimelineChain.verify(chain(version, 5));
            assertTrue(v.ok());
            assertEquals(5, v.entries());
        }
        assertTrue(TimelineChain.verify(List.of()).ok());
    }

    @Test
    void eachEntryHoldsTheHashOfItsPredecessor() {
        var c = chain(2, 3);
        assertEquals(TimelineChain.GENESIS, c.get(0).link().prevHash());
        assertEquals(c.get(0).hash(), c.get(1).link().prevHash());
        assertEquals(64, c.get(2).hash().length());
    }

    @Test
    void editingAnyEntryIsFoundAtThatEntry() {
        for (int version : new int[] { 1, 2 }) {
            for (int target = 0; target < 4; target++) {
                var c = new ArrayList<>(chain(version, 4));
                var old = c.get(target).link();
                var edited = with(old, version, old.actor(), "{\"hashesShared\":0}", old.prevHash());
                c.set(target, new TimelineChain.Stored(edited, c.get(target).hash()));
                var v = TimelineChain.verify(c);
                assertFalse(v.ok());
                assertEquals(target + 1, v.firstBrokenPosition());
            }
        }
    }

    @Test
    void rehashingAnEditedEntryBreaksTheNextLink() {
        for (int version : new int[] { 1, 2 }) {
            var c = new ArrayList<>(chain(version, 3));
            var old = c.get(0).link();
            var edited = with(old, version, "client:forger", old.payload(), old.prevHash());
            c.set(0, new TimelineChain.Stored(edited, TimelineChain.hash(edited)));
            var v = TimelineChain.verify(c);
            assertFalse(v.ok());
            assertEquals(2, v.firstBrokenPosition());
        }
    }

    @Test
    void aDeletedEntryIsFound() {
        var c = new ArrayList<>(chain(2, 4));
        c.remove(1);
        var v = TimelineChain.verify(c);
        assertFalse(v.ok());
        assertEquals(2, v.firstBrokenPosition());
    }

    @Test
    void anUnreadablePayloadIsABrokenEntryNotAnError() {
        var c = new ArrayList<>(chain(2, 2));
        var old = c.get(1).link();
        c.set(1, new TimelineChain.Stored(with(old, 2, old.actor(), "{not json", old.prevHash()), c.get(1).hash()));
        var v = TimelineChain.verify(c);
        assertFalse(v.ok());
        assertEquals(2, v.firstBrokenPosition());
    }

    @Test
    void fieldsCannotBeShiftedIntoOneAnother() {
        UUID incident = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        Instant at = Instant.now();
        var a = new TimelineChain.Link(1, 1, incident, id, at, "kind", "actor\nkind=x", "{}", TimelineChain.GENESIS);
        var b = new TimelineChain.Link(1, 1, incident, id, at, "kind", "actor", "{}\nkind=x", TimelineChain.GENESIS);
        assertNotEquals(TimelineChain.hash(a), TimelineChain.hash(b));
        assertEquals(TimelineChain.hash(a), TimelineChain.hash(a));
    }
}
