package io.posunbind.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body that declared no length (chunked) read through a counter: past the limit it stops with the same 413 a
 * declared length over the limit gets, so the limit holds whatever the client declares.
 */
final class LimitedBody extends FilterInputStream {
    private final long limit;
    private long read;

    LimitedBody(InputStream body, long limit) {
        super(body);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw new PayloadTooLargeException("The body has more than " + limit + " bytes; at most " + limit
                    + " are accepted");
        }
    }
}
