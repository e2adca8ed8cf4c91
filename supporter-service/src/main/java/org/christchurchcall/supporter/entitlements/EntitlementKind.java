package org.christchurchcall.supporter.entitlements;

import org.christchurchcall.supporter.values.CodeConverter;
import org.christchurchcall.supporter.values.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a grant gives: an operational role for the supporter's clients, or participation in a protocol. */
public enum EntitlementKind implements Coded {
    ROLE("role"),
    PROTOCOL("protocol");

    private final String code;

    EntitlementKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodeConverter<EntitlementKind> {
        public Converter() {
            super(EntitlementKind.class);
        }
    }
}
