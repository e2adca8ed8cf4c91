package org.christchurchcall.supporter.contacts;

import org.christchurchcall.supporter.common.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** The crisis response protocols a webhook endpoint can take part in; the codes are shared by all services. */
public enum Protocol implements Coded {
    /** Christchurch Call Shared Crisis Response Protocol. */
    CCSCRP("ccscrp"),
    /** GIFCT Content Incident Protocol, the company protocol. */
    GIFCT_CIP("gifct-cip"),
    /** EU Crisis Protocol. */
    EU_CRISIS_PROTOCOL("eu-crisis-protocol");

    private final String code;

    Protocol(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
