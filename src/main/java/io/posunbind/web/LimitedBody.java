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
        int b = readOrRefuse(() -> super.read());
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = readOrRefuse(() -> super.read(buffer, offset, length));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @FunctionalInterface
    private interface Read {
        int read() throws IOException;
    }

    /** The HTTP layer stops a body past its own limit with an IOException; that is the same 413 as ours. */
    private int readOrRefuse(Read read) throws IOException {
        try {
            return read.read();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("too large")) {
                throw new PayloadTooLargeException("The body has more than " + limit + " bytes; at most " + limit
                        + " are accepted");
            }
            throw e;
        }
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw new PayloadTooLargeException("The body has more than " + limit + " bytes; at most " + limit
                    + " are accepted");
        }
    }
}
