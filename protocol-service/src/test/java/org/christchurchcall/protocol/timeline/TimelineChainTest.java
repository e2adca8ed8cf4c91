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

    static List<TimelineChain.Stored> chain(int n) {
        UUID incident = UUID.randomUUID();
        List<TimelineChain.Stored> out = new ArrayList<>();
        String prev = TimelineChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            var l = new TimelineChain.Link(i, incident, UUID.randomUUID(), Instant.parse("2019-03-15T01:40:00.123456789Z"),
                    "situational-update", "client:nz", "{\"hashesShared\":" + i * 100 + "}", prev);
            String h = TimelineChain.hash(l);
            out.add(new TimelineChain.Stored(l, h));
            prev = h;
        }
        return out;
    }

    @Test
    void anIntactChainVerifies() {
        var v = TimelineChain.verify(chain(5));
        assertTrue(v.ok());
        assertEquals(5, v.entries());
        assertTrue(TimelineChain.verify(List.of()).ok());
    }

    @Test
    void eachEntryHoldsTheHashOfItsPredecessor() {
        var c = chain(3);
        assertEquals(TimelineChain.GENESIS, c.get(0).link().prevHash());
        assertEquals(c.get(0).hash(), c.get(1).link().prevHash());
        assertEquals(64, c.get(2).hash().length());
    }

    @Test
    void editingAnyEntryIsFoundAtThatEntry() {
        for (int target = 0; target < 4; target++) {
            var c = new ArrayList<>(chain(4));
            var old = c.get(target).link();
            var edited = new TimelineChain.Link(old.position(), old.incidentId(), old.id(), old.recordedAt(), old.kind(),
                    old.actor(), "{\"hashesShared\":0}", old.prevHash());
            c.set(target, new TimelineChain.Stored(edited, c.get(target).hash()));
            var v = TimelineChain.verify(c);
            assertFalse(v.ok());
            assertEquals(target + 1, v.firstBrokenPosition());
        }
    }

    @Test
    void rehashingAnEditedEntryBreaksTheNextLink() {
        var c = new ArrayList<>(chain(3));
        var old = c.get(0).link();
        var edited = new TimelineChain.Link(1, old.incidentId(), old.id(), old.recordedAt(), old.kind(), "client:forger",
                old.payload(), old.prevHash());
        c.set(0, new TimelineChain.Stored(edited, TimelineChain.hash(edited)));
        var v = TimelineChain.verify(c);
        assertFalse(v.ok());
        assertEquals(2, v.firstBrokenPosition());
    }

    @Test
    void aDeletedEntryIsFound() {
        var c = new ArrayList<>(chain(4));
        c.remove(1);
        var v = TimelineChain.verify(c);
        assertFalse(v.ok());
        assertEquals(2, v.firstBrokenPosition());
    }

    @Test
    void fieldsCannotBeShiftedIntoOneAnother() {
        UUID incident = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        Instant at = Instant.now();
        var a = new TimelineChain.Link(1, incident, id, at, "kind", "actor\nkind=x", "{}", TimelineChain.GENESIS);
        var b = new TimelineChain.Link(1, incident, id, at, "kind", "actor", "{}\nkind=x", TimelineChain.GENESIS);
        assertNotEquals(TimelineChain.hash(a), TimelineChain.hash(b));
        assertEquals(TimelineChain.hash(a), TimelineChain.hash(a));
    }
}
