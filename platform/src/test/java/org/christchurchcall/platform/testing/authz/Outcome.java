package org.christchurchcall.platform.testing.authz;

/** What a cell of the matrix expects of the response's status. */
public enum Outcome {
    /**
     * Not refused by authorization. In any rows, whose ids and bodies are made up: any 2xx or 3xx,
     * or a 4xx other than 401 and 403 caused by that input (400, 404, 409, ...). In own and other
     * rows the fixtures give real ids and good bodies, so only a 2xx counts.
     */
    ALLOWED("ok"),
    /** 401: no valid token for this operation. */
    UNAUTHENTICATED("401"),
    /** 403: authenticated, but the role or the ownership does not allow it. */
    FORBIDDEN("403"),
    /** 404 for a real resource: refused without revealing that it exists. */
    HIDDEN("404"),
    /** Not tested: e.g. "own" for a persona that acts for no supporter (its "other" row covers it). */
    NOT_APPLICABLE("-");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean matches(int status, Target target) {
        return switch (this) {
            case ALLOWED -> target == Target.ANY ? status >= 200 && status < 500 && status != 401 && status != 403
                    : status >= 200 && status < 300;
            case UNAUTHENTICATED -> status == 401;
            case FORBIDDEN -> status == 403;
            case HIDDEN -> status == 404;
            case NOT_APPLICABLE -> true;
        };
    }

    public static Outcome of(String code) {
        for (Outcome o : values()) {
            if (o.code.equals(code)) {
                return o;
            }
        }
        throw new IllegalArgumentException("outcome must be ok, 401, 403, 404 or -, not '" + code + "'");
    }
}
