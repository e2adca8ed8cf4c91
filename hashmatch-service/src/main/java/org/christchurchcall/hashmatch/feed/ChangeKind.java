package org.christchurchcall.hashmatch.feed;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a record in one entry of the change log. */
public enum ChangeKind {
    ADDED("added"),
    LABELS_CHANGED("labels-changed"),
    STATUS_CHANGED("status-changed"),
    RETRACTED("retracted");

    private final String code;

    ChangeKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static ChangeKind fromCode(String code) {
        for (ChangeKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown change kind " + code);
    }
}
