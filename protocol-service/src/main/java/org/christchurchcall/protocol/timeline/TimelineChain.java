package org.christchurchcall.protocol.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.christchurchcall.platform.json.CanonicalJson;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hash chain of an incident timeline. Each entry's canonical content includes the SHA-256 of
 * its predecessor's hash, so editing or deleting any stored entry breaks every link after it. The
 * same code computes the chain on write and checks it on verify.
 * <p>
 * Each entry names the canonical form its hash covers (its chain version), so that chains written
 * before a change of form still verify: version 1 is the line format of {@link TimelineChainV1};
 * version 2, written since, is the RFC 8785 canonical JSON of the entry, which anyone can
 * recompute with any JCS implementation from an entry as the timeline API returns it (its
 * {@code data} is the payload). A chain never goes back to an older
 * version: a downgraded entry would let a forger pick the weaker form.
 */
public final class TimelineChain {

    /** The predecessor hash of an incident's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The version new entries are written with. */
    public static final int CURRENT_VERSION = 2;

    /** The fields that are hashed. */
    public record Link(int version, int position, UUID incidentId, UUID id, Instant recordedAt, String kind,
            String actor, String payload, String prevHash) {
    }

    /** A stored link and the hash stored with it. */
    public record Stored(Link link, String hash) {
    }

    /** Verification outcome: ok, or the position of the first entry that does not check out. */
    public record Verdict(boolean ok, int entries, Integer firstBrokenPosition, String reason) {
    }

    private TimelineChain() {
    }

    /** PostgreSQL keeps microseconds; hashing a finer instant would never verify after a round trip. */
    public static Instant normalise(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * What the hash of an entry covers. Version 2: the RFC 8785 canonical JSON of an object holding
     * every field, the payload as the JSON value it is (so the hash does not depend on how the
     * payload text was spelled).
     */
    public static String canonical(Link l) {
        return switch (l.version()) {
            case 1 -> TimelineChainV1.canonical(l);
            case 2 -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("chainVersion", l.version());
                o.put("position", l.position());
                o.put("incidentId", l.incidentId().toString());
                o.put("id", l.id().toString());
                o.put("recordedAt", normalise(l.recordedAt()).toString());
                o.put("kind", l.kind());
                o.put("actor", l.actor());
                o.set("payload", CanonicalJson.read(l.payload()));
                o.put("prevHash", l.prevHash());
                yield CanonicalJson.write(o);
            }
            default -> throw new IllegalArgumentException("unknown timeline chain version " + l.version());
        };
    }

    public static String hash(Link l) {
        return sha256(canonical(l));
    }

    /** Checks stored entries in position order. */
    public static Verdict verify(List<Stored> entries) {
        String expectedPrev = GENESIS;
        int expectedPosition = 1;
        int previousVersion = 1;
        for (Stored s : entries) {
            Link l = s.link();
            if (l.position() != expectedPosition) {
                return broken(entries.size(), expectedPosition, "entry " + expectedPosition + " is missing");
            }
            if (!l.prevHash().equals(expectedPrev)) {
                return broken(entries.size(), l.position(), "the predecessor hash does not match entry "
                        + (l.position() - 1));
            }
            if (l.version() < previousVersion || l.version() > CURRENT_VERSION) {
                return broken(entries.size(), l.position(), "chain version " + l.version() + " cannot follow version "
                        + previousVersion);
            }
            String actual;
            try {
                actual = hash(l);
            } catch (IllegalArgumentException e) {
                return broken(entries.size(), l.position(), "the content cannot be hashed: " + e.getMessage());
            }
            if (!actual.equals(s.hash())) {
                return broken(entries.size(), l.position(), "the content does not match its stored hash");
            }
            expectedPrev = actual;
            expectedPosition++;
            previousVersion = l.version();
        }
        return new Verdict(true, entries.size(), null, null);
    }

    public static Optional<String> head(List<Stored> entries) {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).hash());
    }

    private static Verdict broken(int count, int position, String reason) {
        return new Verdict(false, count, position, reason);
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
