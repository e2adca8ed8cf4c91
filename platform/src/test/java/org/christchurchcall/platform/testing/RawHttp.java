package org.christchurchcall.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library hides: the exact framing of the
 * body (Content-Length or chunked), exact request-line and header sizes, and how many body bytes
 * had been sent when the answer began to arrive.
 */
public final class RawHttp {

    public enum Framing {
        CONTENT_LENGTH, CHUNKED
    }

    private static final int PIECE = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    /** A body of {@code length} bytes: {@code head}, then {@code fill}, then {@code tail} at the very end. */
    public record Body(byte[] head, long length, byte fill, byte[] tail) {

        public Body {
            if (head.length + tail.length > length) {
                throw new IllegalArgumentException("head and tail are longer than " + length);
            }
        }

        /** {@code head}, then {@code fill} up to the length. */
        public Body(byte[] head, long length, byte fill) {
            this(head, length, fill, new byte[0]);
        }

        public static Body of(byte[] bytes) {
            return new Body(bytes, bytes.length, (byte) 0);
        }

        /** JSON followed by spaces: still the same JSON document, {@code length} bytes long. */
        public static Body paddedJson(String json, long length) {
            byte[] head = json.getBytes(StandardCharsets.UTF_8);
            if (head.length > length) {
                throw new IllegalArgumentException("the JSON alone is longer than " + length);
            }
            return new Body(head, length, (byte) ' ');
        }

        void writeTo(OutputStream out, Framing framing, AtomicLong sent, Pacing pacing) throws IOException {
            byte[] piece = new byte[PIECE];
            long offset = 0;
            long tailFrom = length - tail.length;
            while (offset < length) {
                int n = (int) Math.min(PIECE, length - offset);
                for (int i = 0; i < n; i++) {
                    long at = offset + i;
                    piece[i] = at < head.length ? head[(int) at] : at >= tailFrom ? tail[(int) (at - tailFrom)] : fill;
                }
                // counted before it is written: the server may answer before write() returns
                sent.set(offset + n);
                if (framing == Framing.CHUNKED) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(piece, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(piece, 0, n);
                }
                out.flush();
                offset += n;
                if (pacing.stopAfter(offset)) {
                    return;
                }
            }
            if (framing == Framing.CHUNKED) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
    }

    /**
     * What came back. {@code sentBeforeReply} is the number of body bytes written when the first
     * byte of the answer arrived ({@code -1} if it arrived only after the whole body); {@code sentAll}
     * says whether the whole body was written.
     */
    public record Reply(int status, Map<String, String> headers, String body, long sentBeforeReply, boolean sentAll) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** Sends a request without a body. {@code headers} may hold anything, including oversized values. */
    public static Reply get(URI base, String target, Map<String, String> headers) {
        return send(base, "GET", target, headers, null, Framing.CONTENT_LENGTH, Long.MAX_VALUE);
    }

    /**
     * Sends a request with a body. Once more than {@code watchAfter} body bytes are written, the
     * sender waits briefly for an answer after each piece and stops sending when one arrives: a
     * slow client, so that {@code sentBeforeReply} says how far the server read before answering.
     */
    public static Reply send(URI base, String method, String target, Map<String, String> headers, Body body,
            Framing framing, long watchAfter) {
        try (Socket socket = new Socket()) {
            socket.setSendBufferSize(PIECE);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append(framing == Framing.CHUNKED ? "Transfer-Encoding: chunked"
                        : "Content-Length: " + body.length()).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            AtomicLong sent = new AtomicLong();
            AtomicLong sentAtReply = new AtomicLong(-1);
            CountDownLatch replying = new CountDownLatch(1);
            InputStream in = socket.getInputStream();
            CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> {
                try {
                    int first = in.read();
                    sentAtReply.set(sent.get());
                    replying.countDown();
                    return read(first, in);
                } catch (IOException e) {
                    replying.countDown();
                    throw new IllegalStateException("no answer: " + e, e);
                }
            });
            boolean sentAll = true;
            if (body != null) {
                Pacing pacing = written -> {
                    if (written <= watchAfter) {
                        return replying.getCount() == 0;
                    }
                    try {
                        return replying.await(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return true;
                    }
                };
                try {
                    body.writeTo(out, framing, sent, pacing);
                    sentAll = sent.get() == body.length();
                } catch (IOException e) {
                    // the server closed the connection while the body was still being sent
                    sentAll = false;
                }
            }
            Reply r = reply.get(60, TimeUnit.SECONDS);
            long before = body != null && sentAll && sentAtReply.get() == body.length() ? -1 : sentAtReply.get();
            return new Reply(r.status(), r.headers(), r.body(), before, sentAll);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Pacing {
        boolean stopAfter(long written);
    }

    private static Reply read(int first, InputStream in) throws IOException {
        if (first < 0) {
            throw new IOException("the connection closed without an answer");
        }
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        headBytes.write(first);
        while (!endsWithBlankLine(headBytes)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed inside the response head");
            }
            headBytes.write(b);
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8), -1, true);
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream bytes) {
        byte[] b = bytes.toByteArray();
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }
}
