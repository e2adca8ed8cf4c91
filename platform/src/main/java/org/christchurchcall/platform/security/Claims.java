package org.christchurchcall.platform.security;

/** Claim names of the platform's access tokens beyond the registered JWT ones. */
public final class Claims {
    public static final String GROUPS = "groups";
    public static final String SUPPORTER_ID = "supporter_id";
    public static final String SUPPORTER_TYPE = "supporter_type";

    private Claims() {
    }
}
