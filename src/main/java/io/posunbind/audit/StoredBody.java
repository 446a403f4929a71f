package io.posunbind.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How a recorded request or answer is kept in its column: its exact bytes, deflated against a fixed dictionary of
 * typical requests and answers, which makes a 5 KB answer a few hundred bytes. The record's hash is over the exact
 * bytes, so reading inflates them back before anything is checked; a column that does not inflate to bytes that hash
 * to the record is a broken record like any other.
 *
 * <p>Format: a JSON body as received or sent (it starts with '{' or whitespace, never with 0x00), kept as it is when
 * deflating does not make it smaller (and as every record before this format was); or 0x00, the dictionary's
 * version (1), then raw deflate. A version this build does not know is read as it is, and so fails its
 * hash. The dictionary ({@code audit/body-dictionary-1.txt}) can never change: stored
 * records need it to be read. A better one would be version 2, beside it.
 */
final class StoredBody {
    private static final byte MARK = 0x00;
    private static final byte VERSION = 1;
    private static final byte[] DICTIONARY = dictionary("audit/body-dictionary-1.txt");
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(
            () -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private StoredBody() {
    }

    /** What the column keeps for these exact bytes. */
    static byte[] pack(byte[] body) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(body);
        deflater.finish();
        byte[] out = new byte[body.length + 2];
        out[0] = MARK;
        out[1] = VERSION;
        int length = 2;
        while (!deflater.finished()) {
            if (length == out.length) {
                return body; // no smaller: keep it as it is
            }
            length += deflater.deflate(out, length, out.length - length);
        }
        return length < body.length ? Arrays.copyOf(out, length) : body;
    }

    /**
     * The exact bytes a column keeps. A column that does not inflate (altered where it is stored) is answered as it
     * is: its hash then differs from the record's, and verify and every read report the record as altered.
     */
    static byte[] unpack(byte[] stored) {
        if (stored == null || stored.length < 2 || stored[0] != MARK || stored[1] != VERSION) {
            return stored;
        }
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setDictionary(DICTIONARY);
        inflater.setInput(stored, 2, stored.length - 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 8);
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return stored;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            return stored;
        }
        return out.toByteArray();
    }

    private static byte[] dictionary(String resource) {
        try (InputStream in = StoredBody.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The stored bodies' dictionary " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
