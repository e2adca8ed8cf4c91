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

/**
 * The hash chain of an incident timeline. Each entry's canonical content includes the SHA-256 of
 * its predecessor's canonical content, so editing or deleting any stored entry breaks every link
 * after it. Plain Java: the same code computes the chain on write and checks it on verify.
 */
public final class TimelineChain {

    /** The predecessor hash of an incident's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** The fields that are hashed, in the order they are hashed. */
    public record Link(int position, UUID incidentId, UUID id, Instant recordedAt, String kind, String actor,
            String payload, String prevHash) {
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
     * One line per field, each escaped so that no field can forge a separator: the canonical
     * content is unambiguous whatever the payload holds.
     */
    public static String canonical(Link l) {
        StringBuilder sb = new StringBuilder(256 + l.payload().length());
        field(sb, "position", Integer.toString(l.position()));
        field(sb, "incidentId", l.incidentId().toString());
        field(sb, "id", l.id().toString());
        field(sb, "recordedAt", normalise(l.recordedAt()).toString());
        field(sb, "kind", l.kind());
        field(sb, "actor", l.actor());
        field(sb, "payload", l.payload());
        field(sb, "prevHash", l.prevHash());
        return sb.toString();
    }

    public static String hash(Link l) {
        return sha256(canonical(l));
    }

    /** Checks stored entries in position order. */
    public static Verdict verify(List<Stored> entries) {
        String expectedPrev = GENESIS;
        int expectedPosition = 1;
        for (Stored s : entries) {
            Link l = s.link();
            if (l.position() != expectedPosition) {
                return broken(entries.size(), expectedPosition, "entry " + expectedPosition + " is missing");
            }
            if (!l.prevHash().equals(expectedPrev)) {
                return broken(entries.size(), l.position(), "the predecessor hash does not match entry "
                        + (l.position() - 1));
            }
            String actual = hash(l);
            if (!actual.equals(s.hash())) {
                return broken(entries.size(), l.position(), "the content does not match its stored hash");
            }
            expectedPrev = actual;
            expectedPosition++;
        }
        return new Verdict(true, entries.size(), null, null);
    }

    public static Optional<String> head(List<Stored> entries) {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).hash());
    }

    private static Verdict broken(int count, int position, String reason) {
        return new Verdict(false, count, position, reason);
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        sb.append('\n');
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
