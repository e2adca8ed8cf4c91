package org.christchurchcall.protocol.catalogue;

/**
 * What a protocol version activates at: hierarchical levels (GIFCT's 2021 framework: Incident,
 * Content Incident, Content Incident Protocol) or non-hierarchical activation types (GIFCT's 2025
 * framework: the Perpetrator Content Incident, ...). The request and response field that carries
 * the code is {@link #field()}.
 */
public enum Vocabulary {

    LEVELS("levels", "level", "levels"),
    TYPES("types", "type", "activation types");

    private final String code;
    private final String field;
    private final String plural;

    Vocabulary(String code, String field, String plural) {
        this.code = code;
        this.field = field;
        this.plural = plural;
    }

    /** On the wire and in the database: {@code levels} or {@code types}. */
    public String code() {
        return code;
    }

    /** The field that names a term of this vocabulary: {@code level} or {@code type}. */
    public String field() {
        return field;
    }

    /** In messages: "levels" or "activation types". */
    public String plural() {
        return plural;
    }

    public Vocabulary other() {
        return this == LEVELS ? TYPES : LEVELS;
    }

    public static Vocabulary fromCode(String code) {
        for (Vocabulary v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no vocabulary " + code);
    }
}
