package io.posunbind.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 §2.1 over the decision log: a leaf is a record's hash (its 32 bytes), the leaf hash
 * is {@code SHA-256(0x00 || leaf)}, a node's {@code SHA-256(0x01 || left || right)}, and a tree of n leaves splits
 * at the largest power of two below n. Root, inclusion path (§2.1.3.1) and consistency proof (§2.1.4.1) are computed
 * over any {@link Nodes} that can give the hash of an aligned subtree, so the same code serves the service's cached
 * tree and an export read back offline.
 */
public final class Merkle {
    /** The hashes of the subtrees the tree is made of. */
    @FunctionalInterface
    public interface Nodes {
        /**
         * The hash of the subtree over leaves [start, end): end - start is 1 or a power of two that divides start,
         * or the range is the right edge of a larger tree (then it is computed by splitting, see {@link #hash}).
         */
        byte[] subtree(long start, long end);
    }

    private Merkle() {
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        sha.update(leaf);
        return sha.digest();
    }

    /** The leaf hash of a record whose hash is given as 64 hex digits. */
    public static byte[] leafHashOfRecord(String recordHashHex) {
        return leafHash(HexFormat.of().parseHex(recordHashHex));
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The largest power of two smaller than n (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** True when [start, end) is a complete subtree: its size a power of two that divides its start. */
    public static boolean aligned(long start, long end) {
        long n = end - start;
        return n > 0 && (n & (n - 1)) == 0 && start % n == 0;
    }

    /** MTH(D[start:end]): aligned subtrees come from the nodes, others are split as RFC 9162 splits them. */
    public static byte[] hash(Nodes nodes, long start, long end) {
        if (aligned(start, end)) {
            return nodes.subtree(start, end);
        }
        long k = split(end - start);
        return nodeHash(hash(nodes, start, start + k), hash(nodes, start + k, end));
    }

    /** The root of the tree of the first {@code size} leaves. */
    public static byte[] root(Nodes nodes, long size) {
        return size == 0 ? emptyRoot() : hash(nodes, 0, size);
    }

    /** PATH(m, D[0:size]): the audit path of leaf m, bottom first. */
    public static List<byte[]> inclusionPath(Nodes nodes, long m, long size) {
        if (m < 0 || m >= size) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(nodes, m, 0, size, path);
        return path;
    }

    private static void path(Nodes nodes, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m - start < k) {
            path(nodes, m, start, start + k, out);
            out.add(hash(nodes, start + k, end));
        } else {
            path(nodes, m, start + k, end, out);
            out.add(hash(nodes, start, start + k));
        }
    }

    /** PROOF(m, D[0:n]): the consistency proof between the trees of the first m and the first n leaves. */
    public static List<byte[]> consistencyProof(Nodes nodes, long m, long n) {
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(nodes, m, 0, n, true, proof);
        return proof;
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(hash(nodes, start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, whole, out);
            out.add(hash(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, out);
            out.add(hash(nodes, start, start + k));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
