package org.christchurchcall.report.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps inside report documents are strings fixed to whole seconds in UTC
 * ({@code 2024-05-15T09:30:00Z}) so that the canonical JSON never depends on clock precision or
 * on a JSON library's date settings.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static String format(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
