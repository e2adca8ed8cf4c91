package org.christchurchcall.protocol.timeline;

/**
 * Legacy: the canonical content of timeline entries of chain version 1, written before chain
 * version 2 (RFC 8785 JSON, see {@link TimelineChain}) replaced it. Kept only so that those
 * entries still verify; nothing new is written in this form.
 * <p>
 * One {@code name=value} line per field, each value escaped so that no field can forge a
 * separator. The payload is the stored text as it was hashed (JSON with alphabetically sorted keys
 * as Jackson wrote it then), so verifying needs no JSON writer.
 */
final class TimelineChainV1 {

    private TimelineChainV1() {
    }

    static String canonical(TimelineChain.Link l) {
        StringBuilder sb = new StringBuilder(256 + l.payload().length());
        field(sb, "position", Integer.toString(l.position()));
        field(sb, "incidentId", l.incidentId().toString());
        field(sb, "id", l.id().toString());
        field(sb, "recordedAt", TimelineChain.normalise(l.recordedAt()).toString());
        field(sb, "kind", l.kind());
        field(sb, "actor", l.actor());
        field(sb, "payload", l.payload());
        field(sb, "prevHash", l.prevHash());
        return sb.toString();
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
}
