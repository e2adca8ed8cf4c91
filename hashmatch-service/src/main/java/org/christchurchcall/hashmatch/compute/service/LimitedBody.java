package org.christchurchcall.hashmatch.compute.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body counted as it is read: past {@code limit} bytes it is refused with 413, as the
 * platform refuses a declared Content-Length over the limit. The upload paths are streamed
 * ({@code ccall.http.streamed-paths}), so a chunked body is counted here and nowhere else.
 */
final class LimitedBody extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        // never more than one byte past the limit, so that the refusal comes as soon as it is passed
        long room = limit + 1 - count;
        int n = super.read(b, off, (int) Math.max(1, Math.min(len, room)));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit + 1 - count));
        counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw UploadRefusedException.tooLarge("body", limit);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
