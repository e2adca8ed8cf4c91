package org.christchurchcall.hashmatch.compute;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a video upload from anything else by its first bytes, and says whether the client meant
 * to send a video (its declared type or file name). A file whose content is a video container is
 * hashed as a video whatever it was declared as; a file declared as a video whose content is not
 * one is refused (415); everything else is handled as before (an image, or digests only).
 */
public final class MediaSniffing {

    /** How many leading bytes {@link #isVideo} looks at (an MPEG transport stream needs two packets). */
    public static final int SNIFF_BYTES = 512;

    /** ISO base media brands that are still images or audio, not video (HEIF, AVIF, iTunes audio). */
    private static final Set<String> NOT_VIDEO_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
            "msf1", "avif", "avis", "avci", "M4A ", "M4B ", "M4P ", "F4A ", "F4B ");

    /** The first box of a QuickTime file without {@code ftyp} (older .mov files). */
    private static final Set<String> QUICKTIME_FIRST_BOXES = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "qt", "3gp", "3g2", "mkv", "webm",
            "avi", "flv", "ts", "m2ts", "mts", "mpg", "mpeg", "wmv", "asf", "ogv");

    private MediaSniffing() {
    }

    /**
     * Whether {@code head} (the first up to {@link #SNIFF_BYTES} bytes, {@code n} of them valid)
     * opens a video container FFmpeg reads: ISO base media (MP4, MOV, 3GP), Matroska/WebM, AVI,
     * FLV, MPEG transport and program streams, ASF/WMV.
     */
    public static boolean isVideo(byte[] head, int n) {
        if (n >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            return !NOT_VIDEO_BRANDS.contains(ascii(head, 8, 4));
        }
        if (n >= 8 && QUICKTIME_FIRST_BOXES.contains(ascii(head, 4, 4))) {
            long size = boxSize(head);
            // 0: the box runs to the end of the file; 1: a 64-bit size follows
            return size == 0 || size == 1 || size >= 8;
        }
        if (n >= 4 && u8(head, 0) == 0x1A && u8(head, 1) == 0x45 && u8(head, 2) == 0xDF && u8(head, 3) == 0xA3) {
            return true; // EBML: Matroska, WebM
        }
        if (n >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("AVI ")) {
            return true;
        }
        if (n >= 4 && ascii(head, 0, 3).equals("FLV") && u8(head, 3) == 1) {
            return true;
        }
        if (n >= 189 && u8(head, 0) == 0x47 && u8(head, 188) == 0x47) {
            return true; // MPEG-TS: 188-byte packets
        }
        if (n >= 197 && u8(head, 4) == 0x47 && u8(head, 196) == 0x47) {
            return true; // M2TS: 192-byte packets with a 4-byte time code
        }
        if (n >= 4 && u8(head, 0) == 0 && u8(head, 1) == 0 && u8(head, 2) == 1 && u8(head, 3) == 0xBA) {
            return true; // MPEG program stream pack header
        }
        return n >= 16 && u8(head, 0) == 0x30 && u8(head, 1) == 0x26 && u8(head, 2) == 0xB2 && u8(head, 3) == 0x75
                && u8(head, 4) == 0x8E && u8(head, 5) == 0x66 && u8(head, 6) == 0xCF && u8(head, 7) == 0x11; // ASF
    }

    /** Whether the client says the file is a video: a {@code video/*} type or a video file name extension. */
    public static boolean declaresVideo(String contentType, String fileName) {
        if (contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("video/")) {
            return true;
        }
        if (fileName == null) {
            return false;
        }
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && VIDEO_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT).trim());
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }

    private static long boxSize(byte[] b) {
        return ((long) u8(b, 0) << 24) | (u8(b, 1) << 16) | (u8(b, 2) << 8) | u8(b, 3);
    }
}
