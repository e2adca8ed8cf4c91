package org.christchurchcall.hashmatch.hash;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A record's standing. A disputed record still matches (members decide how to treat it; the
 * status is in every match); a retracted one never matches and leaves every member's copy.
 */
public enum HashStatus {
    ACTIVE("active"),
    DISPUTED("disputed"),
    RETRACTED("retracted");

    private final String code;

    HashStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static HashStatus fromCode(String code) {
        for (HashStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + code);
    }
}
