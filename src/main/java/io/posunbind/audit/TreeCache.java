package io.posunbind.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's copy of the tree's upper part: the hash of every complete subtree of 256 leaves or more, in memory
 * (about 64 bytes per 256 leaves: 250 KB for a million), and the leaves of the last incomplete tile. Smaller
 * subtrees are computed from their tile's leaves, read from the store when asked for, a few tiles kept. So a root
 * or a proof over a million leaves reads at most a few hundred leaves and hashes a few hundred nodes.
 */
final class TreeCache implements Merkle.Nodes {
    static final int TILE_HEIGHT = 8;
    static final int TILE = 1 << TILE_HEIGHT;
    private static final int TILES_KEPT = 16;

    /** Reads leaf hashes [from, to) in index order, every one of them. */
    @FunctionalInterface
    interface Source {
        List<byte[]> leafHashes(long from, long to) throws Exception;
    }

    private final Source source;
    /** levels.get(j): hashes of the complete subtrees of 2^(8 + j) leaves, left to right. */
    private final List<List<byte[]>> levels = new ArrayList<>();
    private final List<byte[]> tail = new ArrayList<>();
    private final Map<Long, List<byte[]>> tiles = new LinkedHashMap<>(TILES_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<byte[]>> eldest) {
            return size() > TILES_KEPT;
        }
    };
    private long size;

    TreeCache(Source source) {
        this.source = source;
    }

    synchronized long size() {
        return size;
    }

    /** Reads the leaves after the ones it holds, up to {@code target}. */
    synchronized void extendTo(long target) throws Exception {
        while (size < target) {
            long to = Math.min(target, size + 65_536);
            for (byte[] leaf : source.leafHashes(size, to)) {
                add(leaf);
            }
        }
    }

    private void add(byte[] leafHash) {
        tail.add(leafHash);
        size++;
        if (tail.size() == TILE) {
            List<byte[]> leaves = List.copyOf(tail);
            tail.clear();
            byte[] tile = Merkle.hash((s, e) -> leafRange(leaves, s, e), 0, TILE);
            push(0, tile);
        }
    }

    private void push(int level, byte[] hash) {
        if (levels.size() == level) {
            levels.add(new ArrayList<>());
        }
        List<byte[]> nodes = levels.get(level);
        nodes.add(hash);
        if (nodes.size() % 2 == 0) {
            push(level + 1, Merkle.nodeHash(nodes.get(nodes.size() - 2), nodes.get(nodes.size() - 1)));
        }
    }

    /** The root of the first {@code n} leaves, n at most {@link #size()}. */
    synchronized byte[] root(long n) {
        check(n);
        return Merkle.root(this, n);
    }

    synchronized List<byte[]> inclusionPath(long leaf, long n) {
        check(n);
        return Merkle.inclusionPath(this, leaf, n);
    }

    synchronized List<byte[]> consistencyProof(long m, long n) {
        check(n);
        return Merkle.consistencyProof(this, m, n);
    }

    /** MTH over leaves [start, end): any range within the cached tree. */
    synchronized byte[] hash(long start, long end) {
        check(end);
        return Merkle.hash(this, start, end);
    }

    private void check(long n) {
        if (n > size) {
            throw new IllegalArgumentException("the tree holds " + size + " leaves, not " + n);
        }
    }

    @Override
    public byte[] subtree(long start, long end) {
        long n = end - start;
        if (n >= TILE) {
            int level = Long.numberOfTrailingZeros(n) - TILE_HEIGHT;
            return levels.get(level).get((int) (start / n));
        }
        long tileIndex = start / TILE;
        List<byte[]> leaves = tileIndex == size / TILE ? tail : tile(tileIndex);
        int offset = (int) (tileIndex * TILE);
        return Merkle.hash((s, e) -> leafRange(leaves, s - offset, e - offset), start, end);
    }

    private List<byte[]> tile(long tileIndex) {
        return tiles.computeIfAbsent(tileIndex, t -> {
            try {
                return source.leafHashes(t * TILE, (t + 1) * TILE);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the leaves of tile " + t + " could not be read", e);
            }
        });
    }

    /** Within one list of leaves: a single leaf, or an aligned range hashed from its leaves. */
    private static byte[] leafRange(List<byte[]> leaves, long start, long end) {
        if (end - start == 1) {
            return leaves.get((int) start);
        }
        long k = Merkle.split(end - start);
        return Merkle.nodeHash(leafRange(leaves, start, start + k), leafRange(leaves, start + k, end));
    }
}
