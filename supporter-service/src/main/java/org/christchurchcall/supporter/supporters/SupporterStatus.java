package org.christchurchcall.supporter.supporters;

import org.christchurchcall.supporter.values.CodeConverter;
import org.christchurchcall.supporter.values.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** applied -> active -> suspended | withdrawn; a suspended supporter can be reinstated or withdrawn. */
public enum SupporterStatus implements Coded {
    APPLIED("applied"),
    ACTIVE("active"),
    SUSPENDED("suspended"),
    WITHDRAWN("withdrawn");

    private final String code;

    SupporterStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodeConverter<SupporterStatus> {
        public Converter() {
            super(SupporterStatus.class);
        }
    }
}
