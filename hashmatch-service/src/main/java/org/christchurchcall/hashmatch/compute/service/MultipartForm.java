package org.christchurchcall.hashmatch.compute.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds one part of a {@code multipart/form-data} body (RFC 7578) held in memory. The REST
 * layer's own multipart support spools every part with a filename to a temporary file; an
 * upload here is content the service must not write to disk, so the body is read into memory
 * (within the body limit) and the part is cut out of it here.
 */
final class MultipartForm {

    private static final byte[] CRLF = { '\r', '\n' };
    private static final byte[] HEADERS_END = { '\r', '\n', '\r', '\n' };

    private MultipartForm() {
    }

    /** The boundary named by a multipart Content-Type, if it names one. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                // RFC 2046: 1 to 70 characters
                return value.isEmpty() || value.length() > 70 ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The content of the first part whose Content-Disposition names {@code name}; empty if there
     * is none. A body that is not a well-formed multipart body is an {@link IllegalArgumentException}.
     */
    static Optional<byte[]> part(byte[] body, String boundary, String name) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        // the preamble before the first delimiter is ignored, but the delimiter must open a line
        if (at < 0 || at > 0 && (at < 2 || body[at - 2] != '\r' || body[at - 1] != '\n')) {
            throw new IllegalArgumentException("no opening boundary");
        }
        int pos = at + delimiter.length;
        while (true) {
            if (startsWith(body, pos, "--".getBytes(StandardCharsets.ISO_8859_1))) {
                return Optional.empty();
            }
            pos = skipTransportPadding(body, pos);
            if (!startsWith(body, pos, CRLF)) {
                throw new IllegalArgumentException("a boundary is not followed by a line break");
            }
            int headersStart = pos + 2;
            int headersEnd = startsWith(body, headersStart, CRLF) ? headersStart
                    : indexOf(body, HEADERS_END, headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("a part's headers do not end");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd == headersStart ? headersStart + 2 : headersEnd + 4;
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw new IllegalArgumentException("a part does not end with a boundary");
            }
            if (name.equals(dispositionName(headers))) {
                return Optional.of(Arrays.copyOfRange(body, contentStart, contentEnd));
            }
            pos = contentEnd + next.length;
        }
    }

    /** The {@code name} parameter of a part's {@code Content-Disposition: form-data} header. */
    static String dispositionName(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
                continue;
            }
            String value = line.substring(colon + 1);
            int i = 0;
            while ((i = indexOfParam(value, "name", i)) >= 0) {
                int start = i + "name=".length();
                if (start < value.length() && value.charAt(start) == '"') {
                    StringBuilder sb = new StringBuilder();
                    for (int k = start + 1; k < value.length(); k++) {
                        char c = value.charAt(k);
                        if (c == '\\' && k + 1 < value.length()) {
                            sb.append(value.charAt(++k));
                        } else if (c == '"') {
                            return sb.toString();
                        } else {
                            sb.append(c);
                        }
                    }
                    return null;
                }
                int end = value.indexOf(';', start);
                return value.substring(start, end < 0 ? value.length() : end).trim();
            }
        }
        return null;
    }

    /** Where {@code param=} starts as a parameter of its own (not the tail of {@code filename=}). */
    private static int indexOfParam(String value, String param, int from) {
        String lower = value.toLowerCase(Locale.ROOT);
        int i = from;
        while ((i = lower.indexOf(param + "=", i)) >= 0) {
            int before = i - 1;
            while (before >= 0 && lower.charAt(before) == ' ') {
                before--;
            }
            if (before >= 0 && lower.charAt(before) == ';') {
                return i;
            }
            i += param.length();
        }
        return -1;
    }

    private static int skipTransportPadding(byte[] b, int pos) {
        while (pos < b.length && (b[pos] == ' ' || b[pos] == '\t')) {
            pos++;
        }
        return pos;
    }

    private static boolean startsWith(byte[] b, int pos, byte[] prefix) {
        if (pos < 0 || pos + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        byte first = needle[0];
        int last = b.length - needle.length;
        for (int i = from; i <= last; i++) {
            if (b[i] == first && startsWith(b, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
