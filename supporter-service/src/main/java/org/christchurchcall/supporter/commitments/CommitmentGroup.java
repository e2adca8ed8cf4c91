package org.christchurchcall.supporter.commitments;

import org.christchurchcall.supporter.values.CodeConverter;
import org.christchurchcall.supporter.values.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who made a commitment: governments, online service providers, or both together. */
public enum CommitmentGroup implements Coded {
    GOVERNMENT("government"),
    ONLINE_SERVICE_PROVIDERS("online-service-providers"),
    JOINT("joint");

    private final String code;

    CommitmentGroup(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodeConverter<CommitmentGroup> {
        public Converter() {
            super(CommitmentGroup.class);
        }
    }
}
