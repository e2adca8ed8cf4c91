package org.christchurchcall.protocol.incident;

import java.util.Arrays;
import java.util.Optional;

/** Where an incident is in its life; the wire form is the kebab-case {@link #code()}. */
public enum IncidentStatus {
    REPORTED("reported"),
    ASSESSING("assessing"),
    ACTIVE("active"),
    CONCLUDING("concluding"),
    CONCLUDED("concluded"),
    DEBRIEFED("debriefed");

    private final String code;

    IncidentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<IncidentStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
