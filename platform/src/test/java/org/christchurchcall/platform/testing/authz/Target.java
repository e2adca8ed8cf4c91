package org.christchurchcall.platform.testing.authz;

/**
 * Whose resource a row's request names. {@code any}: ownership does not matter here, the path
 * parameters are made up (a random UUID finds nothing, which is fine: only the outcome class
 * counts). {@code own} and {@code other}: real resources of the caller's supporter, or of a
 * supporter no persona acts for.
 */
public enum Target {
    ANY("any"), OWN("own"), OTHER("other");

    private final String code;

    Target(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Target of(String code) {
        for (Target t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("target must be any, own or other, not '" + code + "'");
    }
}
