package org.christchurchcall.supporter.stocktakes;

import org.christchurchcall.supporter.values.CodeConverter;
import org.christchurchcall.supporter.values.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

public enum StocktakeStatus implements Coded {
    OPEN("open"),
    /** Frozen: its reports are the record of that cycle and no longer change. */
    CLOSED("closed");

    private final String code;

    StocktakeStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends CodeConverter<StocktakeStatus> {
        public Converter() {
            super(StocktakeStatus.class);
        }
    }
}
