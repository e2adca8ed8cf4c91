package org.christchurchcall.hashmatch.compute.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as a stream, one part after the other, so
 * that a part's content can go where it belongs as it arrives: into memory for an image, into a
 * private temporary file for a video. The REST layer's own multipart support spools every part
 * with a filename to a temporary file of its own, which uploads here must not do. Holds at most a
 * 64 KiB buffer; a body that is not a well-formed multipart body is an {@link IllegalArgumentException},
 * also when it is found out while a part's content is read.
 */
final class MultipartForm {

    private static final byte[] CRLF = { '\r', '\n' };
    private static final byte[] HEADERS_END = { '\r', '\n', '\r', '\n' };
    /** Longest header block of a part. */
    static final int MAX_HEADERS = 16 * 1024;
    private static final int BUFFER = 64 * 1024;

    private enum State { START, PART, BETWEEN, DONE }

    private final InputStream in;
    /** {@code --boundary}: the first delimiter, at the start of the body or of a line. */
    private final byte[] dashBoundary;
    /** {@code CRLF--boundary}: every later delimiter, which ends the part before it. */
    private final byte[] delimiter;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int end;
    private boolean eof;
    /** Bytes dropped from the front of the buffer so far. */
    private long dropped;
    /** No delimiter starts in the buffer before this index (a search cache for the current part). */
    private int clearUntil;
    private State state = State.START;

    MultipartForm(InputStream in, String boundary) {
        this.in = in;
        this.dashBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
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
     * The content of the first part whose Content-Disposition names {@code name}, from a body held
     * in memory; empty if there is none.
     */
    static Optional<byte[]> part(byte[] body, String boundary, String name) {
        MultipartForm form = new MultipartForm(new ByteArrayInputStream(body), boundary);
        try {
            String headers;
            while ((headers = form.nextPart()) != null) {
                if (name.equals(dispositionName(headers))) {
                    return Optional.of(form.content().readAllBytes());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves to the next part (skipping what is left of the current one) and returns its header
     * block, "" when it has none; null after the closing delimiter. What follows the closing
     * delimiter (the epilogue) is not read.
     */
    String nextPart() throws IOException {
        if (state == State.START) {
            skipPreamble();
            state = State.BETWEEN;
        } else if (state == State.PART) {
            content().transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (state == State.DONE) {
            return null;
        }
        if (ensure(2) && buf[pos] == '-' && buf[pos + 1] == '-') {
            pos += 2;
            state = State.DONE;
            return null;
        }
        // transport padding (RFC 2046: linear white space after a delimiter)
        while (ensure(1) && (buf[pos] == ' ' || buf[pos] == '\t')) {
            pos++;
        }
        if (!ensure(2) || buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw new IllegalArgumentException("a boundary is not followed by a line break");
        }
        pos += 2;
        String headers;
        if (ensure(2) && buf[pos] == '\r' && buf[pos + 1] == '\n') {
            pos += 2;
            headers = "";
        } else {
            int at;
            while ((at = indexOf(HEADERS_END, pos)) < 0) {
                if (end - pos >= MAX_HEADERS || eof) {
                    throw new IllegalArgumentException(eof ? "a part's headers do not end"
                            : "a part's headers are longer than " + MAX_HEADERS + " bytes");
                }
                fill();
            }
            headers = new String(buf, pos, at - pos, StandardCharsets.UTF_8);
            pos = at + HEADERS_END.length;
        }
        state = State.PART;
        clearUntil = pos;
        return headers;
    }

    /** The current part's content, ending where its delimiter starts. */
    InputStream content() {
        if (state != State.PART) {
            throw new IllegalStateException("not in a part");
        }
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (state != State.PART) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                while (true) {
                    int at = indexOf(delimiter, Math.max(pos, clearUntil));
                    if (at == pos) {
                        pos += delimiter.length;
                        state = State.BETWEEN;
                        return -1;
                    }
                    int available;
                    if (at > pos) {
                        available = at - pos;
                    } else {
                        // no delimiter starts before end - (delimiter.length - 1)
                        clearUntil = Math.max(pos, end - delimiter.length + 1);
                        available = clearUntil - pos;
                    }
                    if (available > 0) {
                        int n = Math.min(len, available);
                        System.arraycopy(buf, pos, b, off, n);
                        pos += n;
                        return n;
                    }
                    if (eof) {
                        throw new IllegalArgumentException("a part does not end with a boundary");
                    }
                    fill();
                }
            }
        };
    }

    /** The first {@code --boundary} must open the body or a line; what comes before it is dropped. */
    private void skipPreamble() throws IOException {
        while (true) {
            if (!ensure(dashBoundary.length)) {
                throw new IllegalArgumentException("no opening boundary");
            }
            int at = indexOf(dashBoundary, pos);
            if (at >= 0) {
                long absolute = dropped + at;
                if (absolute != 0 && (absolute < 2 || buf[at - 2] != '\r' || buf[at - 1] != '\n')) {
                    throw new IllegalArgumentException("no opening boundary");
                }
                pos = at + dashBoundary.length;
                return;
            }
            // keep the bytes a boundary could start in; fill() keeps the two before them
            pos = Math.max(pos, end - dashBoundary.length + 1);
            if (eof) {
                throw new IllegalArgumentException("no opening boundary");
            }
            fill();
        }
    }

    /** At least {@code n} unread bytes in the buffer, unless the body ends first. */
    private boolean ensure(int n) throws IOException {
        while (end - pos < n && !eof) {
            fill();
        }
        return end - pos >= n;
    }

    /**
     * Reads more of the body. The unread bytes move to the front first, with the two before them
     * (a preamble's boundary must follow a line break).
     */
    private void fill() throws IOException {
        int keepFrom = Math.max(0, pos - 2);
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, end - keepFrom);
            dropped += keepFrom;
            pos -= keepFrom;
            end -= keepFrom;
            clearUntil = Math.max(0, clearUntil - keepFrom);
        }
        if (end == buf.length) {
            throw new IllegalStateException("multipart buffer full");
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private int indexOf(byte[] needle, int from) {
        byte first = needle[0];
        int last = end - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (buf[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The {@code name} parameter of a part's {@code Content-Disposition: form-data} header. */
    static String dispositionName(String headers) {
        return dispositionParam(headers, "name");
    }

    /** The {@code filename} parameter of a part's Content-Disposition, if any. */
    static String dispositionFileName(String headers) {
        return dispositionParam(headers, "filename");
    }

    /** The value of the header {@code name} in a part's header block, or null. */
    static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String dispositionParam(String headers, String param) {
        String value = header(headers, "content-disposition");
        if (value == null) {
            return null;
        }
        int i = indexOfParam(value, param, 0);
        if (i < 0) {
            return null;
        }
        int start = i + param.length() + 1;
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
        int stop = value.indexOf(';', start);
        return value.substring(start, stop < 0 ? value.length() : stop).trim();
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
}
