package org.christchurchcall.hashmatch.pdq;

import java.util.Arrays;

/**
 * An immutable 256-bit PDQ hash.
 *
 * <p>Bit order. The reference hasher sets bit {@code k = 16 * i + j} when DCT coefficient
 * {@code B[i][j]} is above the median, and prints the 256 bits as sixteen 16-bit words
 * {@code w15 ... w0}, each as {@code %04x}: the hex string is the hash read as one big-endian
 * 256-bit number whose least significant bit is bit 0 ({@code B[0][0]}). This class keeps that
 * number in four longs, most significant first: {@code words()[0]} holds hex characters 0..15
 * (bits 255..192), {@code words()[3]} holds hex characters 48..63 (bits 63..0). So bit {@code k}
 * is {@code (words()[3 - k / 64] >>> (k % 64)) & 1}.
 */
public final class PdqHash {

    public static final int BITS = 256;
    public static final int HEX_LENGTH = 64;

    private static final PdqHash ZERO = new PdqHash(0, 0, 0, 0);

    private final long w0;
    private final long w1;
    private final long w2;
    private final long w3;

    private PdqHash(long w0, long w1, long w2, long w3) {
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
    }

    /** The all-zero hash: what the reference gives for images under 5 pixels in a dimension. */
    public static PdqHash zero() {
        return ZERO;
    }

    /** Four words, most significant first (see the class comment). The array is copied. */
    public static PdqHash of(long[] words) {
        if (words == null || words.length != 4) {
            throw new IllegalArgumentException("a PDQ hash is 4 longs");
        }
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    public static PdqHash of(long w0, long w1, long w2, long w3) {
        return new PdqHash(w0, w1, w2, w3);
    }

    /** Whether {@code hex} is exactly 64 hex digits (either case). */
    public static boolean isValidHex(String hex) {
        if (hex == null || hex.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the reference format: 64 hex digits, upper or lower case, nothing else.
     *
     * @throws IllegalArgumentException when the string is not exactly 64 hex digits
     */
    public static PdqHash fromHex(String hex) {
        if (!isValidHex(hex)) {
            throw new IllegalArgumentException("a PDQ hash is exactly 64 hexadecimal digits");
        }
        return new PdqHash(parse16(hex, 0), parse16(hex, 16), parse16(hex, 32), parse16(hex, 48));
    }

    private static long parse16(String hex, int from) {
        long v = 0;
        for (int i = from; i < from + 16; i++) {
            v = (v << 4) | Character.digit(hex.charAt(i), 16);
        }
        return v;
    }

    /** Lower-case hex, 64 characters, as the reference tool prints it. */
    public String toHex() {
        char[] out = new char[HEX_LENGTH];
        put16(out, 0, w0);
        put16(out, 16, w1);
        put16(out, 32, w2);
        put16(out, 48, w3);
        return new String(out);
    }

    private static void put16(char[] out, int at, long v) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = Character.forDigit((int) (v & 0xF), 16);
            v >>>= 4;
        }
    }

    /** Hamming distance, 0..256. */
    public int distance(PdqHash other) {
        return Long.bitCount(w0 ^ other.w0)
                + Long.bitCount(w1 ^ other.w1)
                + Long.bitCount(w2 ^ other.w2)
                + Long.bitCount(w3 ^ other.w3);
    }

    /** Number of 1 bits. */
    public int bitCount() {
        return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
    }

    /** Bit {@code k} (0 = {@code B[0][0]}, the lowest bit of the hex number). */
    public boolean bit(int k) {
        if (k < 0 || k >= BITS) {
            throw new IndexOutOfBoundsException(k);
        }
        long w = word(3 - (k >>> 6));
        return ((w >>> (k & 63)) & 1L) != 0;
    }

    /** A copy of the four words, most significant first. */
    public long[] words() {
        return new long[] {w0, w1, w2, w3};
    }

    /** Word {@code i} (0 = most significant). */
    public long word(int i) {
        switch (i) {
            case 0:
                return w0;
            case 1:
                return w1;
            case 2:
                return w2;
            case 3:
                return w3;
            default:
                throw new IndexOutOfBoundsException(i);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PdqHash)) {
            return false;
        }
        PdqHash h = (PdqHash) o;
        return w0 == h.w0 && w1 == h.w1 && w2 == h.w2 && w3 == h.w3;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new long[] {w0, w1, w2, w3});
    }

    @Override
    public String toString() {
        return toHex();
    }
}
