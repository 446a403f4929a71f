package io.posunbind.audit;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A tlog-checkpoint (c2sp.org/tlog-checkpoint): the log's origin, the tree size and the root hash, one a line,
 * then optional extension lines; signed as a {@link SignedNote}.
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {

    public Checkpoint {
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, byte[] root) {
        this(origin, size, root, List.of());
    }

    /** The note text: {@code <origin>\n<size>\n<base64 root>\n} and the extension lines. */
    public String text() {
        StringBuilder text = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(root)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Reads a checkpoint's text (a signed note's text, without its signatures). */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint is an origin, a tree size and a root hash, each on a "
                    + "line");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a checkpoint's second line is the tree size, got " + lines[1], e);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's third line is the base64 root hash, got " + lines[2],
                    e);
        }
        if (size < 0 || root.length != 32) {
            throw new IllegalArgumentException("a checkpoint holds a size of 0 or more and a 32-byte root hash");
        }
        List<String> extensions = new ArrayList<>();
        for (int i = 3; i < lines.length - 1; i++) {
            extensions.add(lines[i]);
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }
}
