package org.christchurchcall.hashmatch.hash;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of hash the database holds. {@code vpdq} is a video: its frames (PDQ hashes with
 * quality and timestamp) are stored apart, and its {@code value} is the SHA-256 of the frames in
 * the reference's hash-file text ({@code VideoFrames.digest}), so that the unique (type, value,
 * contributor) and exact lookups work as for the other types. {@code video-md5} is the MD5 of a
 * video file, matched exactly like {@code md5}.
 */
public enum HashType {
    PDQ("pdq", 64),
    MD5("md5", 32),
    SHA256("sha256", 64),
    VPDQ("vpdq", 64),
    VIDEO_MD5("video-md5", 32);

    /** The codes, as error messages list them. */
    public static final String CODES = "pdq, md5, sha256, vpdq, video-md5";

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

    /** A single PDQ hash, with the quality its hasher reported. */
    public boolean perceptual() {
        return this == PDQ;
    }

    /** A video's frames rather than one value; its value is a digest of them. */
    public boolean frames() {
        return this == VPDQ;
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
        return this == VPDQ ? "its frames, or the text of its hash file" : hexLength + " hexadecimal digits";
    }
}
