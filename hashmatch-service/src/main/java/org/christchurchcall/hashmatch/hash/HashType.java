package org.christchurchcall.hashmatch.hash;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of hash the database holds; video hashes (tmk-pdqf, vpdq) would be added here. */
public enum HashType {
    PDQ("pdq", 64),
    MD5("md5", 32),
    SHA256("sha256", 64);

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private final String code;
    private final int hexLength;

    HashType(String code, int hexLength) {
        this.code = code;
        this.hexLength = hexLength;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public int hexLength() {
        return hexLength;
    }

    public boolean perceptual() {
        return this == PDQ;
    }

    public static Optional<HashType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (HashType t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The value in its canonical form (lower-case hex), or empty when it is not a hash of this type. */
    public Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.length() != hexLength || !HEX.matcher(v).matches()) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    public String formatHint() {
        return hexLength + " hexadecimal digits";
    }
}
