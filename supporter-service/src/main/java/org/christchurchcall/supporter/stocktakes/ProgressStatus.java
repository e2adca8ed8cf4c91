package org.christchurchcall.supporter.stocktakes;

import org.christchurchcall.supporter.values.CodeConverter;
import org.christchurchcall.supporter.values.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** A supporter's progress on one commitment, as it reports it in a stocktake. */
public enum ProgressStatus implements Coded {
    NOT_STARTED("not-started"),
    IN_PROGRESS("in-progress"),
    IMPLEMENTED("implemented"),
    NOT_APPLICABLE("not-applicable");

    private final String code;

    ProgressStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodeConverter<ProgressStatus> {
        public Converter() {
            super(ProgressStatus.class);
        }
    }
}
