package io.posunbind.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verify's check of the tree: streams every leaf in index order with its record's hash as stored now, and finds
 * a leaf missing, a record whose hash is not its leaf's (rewritten with its hash recomputed), a record gone that no
 * purge accounts for (deleted), a checkpoint whose signature or root does not check, and a purge whose count or root
 * is not what its leaves give. The roots at every checkpoint are recomputed as the leaves stream by (a stack of
 * complete subtrees), so it takes little memory for any size.
 */
final class TreeVerifier {
    /** What the tree check found. */
    record Result(long leavesChecked, long treeSize, long checkpointsChecked, long purged,
                  List<Verification.TreeBreak> breaks, List<Verification.ArchiveCheck> archives,
                  List<Verification.RecordBreak> recordBreaks) {
    }

    private final int maxBreaks;
    private final List<SignedNote.Verifier> trusted;
    private final List<AuditCheckpoints.Stored> checkpoints;
    private final List<ExportFormat.Archive> archives;
    /** writer → (last purged sequence → archive id), to tell which purge removed a record. */
    private final Map<String, TreeMap<Long, Long>> purgedUpTo = new java.util.HashMap<>();
    private final Map<Long, CompactRange> purgedRoots = new java.util.HashMap<>();
    private final Map<Long, Long> purgedCounts = new java.util.HashMap<>();
    private final List<Verification.TreeBreak> breaks = new ArrayList<>();
    private final List<Verification.RecordBreak> recordBreaks = new ArrayList<>();
    private final CompactRange tree = new CompactRange();
    private int nextCheckpoint;
    private long checkpointsChecked;
    private long leaves;
    private long purged;
    private long breakCount;

    TreeVerifier(int maxBreaks, List<SignedNote.Verifier> trusted, List<AuditCheckpoints.Stored> checkpoints,
                 List<ExportFormat.Archive> archives, List<AuditArchives.ArchivedChain> archivedChains) {
        this.maxBreaks = maxBreaks;
        this.trusted = trusted;
        this.checkpoints = checkpoints;
        this.archives = archives;
        for (AuditArchives.ArchivedChain a : archivedChains) {
            purgedUpTo.computeIfAbsent(a.writerId(), w -> new TreeMap<>()).put(a.lastSequence(), a.archiveId());
        }
        checkpointsUpTo(0);
    }

    void accept(AuditLeaves.Leaf leaf, String recordHashNow) {
        if (leaf.index() != leaves) {
            tree(leaf.index(), "leaves " + leaves + " to " + (leaf.index() - 1) + " are missing from the tree's "
                    + "table: they were deleted");
            while (leaves < leaf.index()) {
                tree.add(new byte[32]); // a stand-in, so the roots after it are still compared (and differ)
                leaves++;
                checkpointsUpTo(leaves);
            }
        }
        byte[] leafHash = Merkle.leafHashOfRecord(leaf.recordHash());
        tree.add(leafHash);
        leaves++;
        if (recordHashNow == null) {
            Long archive = archiveOf(leaf);
            if (archive == null) {
                record(leaf, ChainWalk.DELETED, "the record of leaf " + leaf.index() + " is gone and no retention "
                        + "purge removed it: it was deleted");
            } else {
                purged++;
                purgedCounts.merge(archive, 1L, Long::sum);
                purgedRoots.computeIfAbsent(archive, a -> new CompactRange()).add(leafHash);
            }
        } else if (!recordHashNow.equals(leaf.recordHash())) {
            record(leaf, ChainWalk.ALTERED, "the record's hash is " + recordHashNow + ", its leaf " + leaf.index()
                    + " in the signed tree holds " + leaf.recordHash() + ": the record was rewritten, its hash "
                    + "recomputed");
        }
        checkpointsUpTo(leaves);
    }

    private Long archiveOf(AuditLeaves.Leaf leaf) {
        TreeMap<Long, Long> bounds = purgedUpTo.get(leaf.writerId());
        if (bounds == null) {
            return null;
        }
        Map.Entry<Long, Long> covering = bounds.ceilingEntry(leaf.sequence());
        return covering == null ? null : covering.getValue();
    }

    /** Checks each checkpoint whose size the walk has reached. */
    private void checkpointsUpTo(long size) {
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).size() <= size) {
            AuditCheckpoints.Stored c = checkpoints.get(nextCheckpoint++);
            if (c.size() < size) {
                continue; // passed over while filling a gap: the gap is the break
            }
            checkpointsChecked++;
            check(c, tree.root());
        }
    }

    private void check(AuditCheckpoints.Stored c, byte[] root) {
        Checkpoint note;
        try {
            SignedNote.Opened opened = SignedNote.open(c.note(), trusted);
            if (opened.signedBy().isEmpty()) {
                tree(c.size(), "the checkpoint of tree size " + c.size() + " is not signed by a trusted key (signed "
                        + "by " + String.join(", ", opened.signers()) + "): it was altered or forged");
                return;
            }
            note = Checkpoint.parse(opened.text());
        } catch (IllegalArgumentException e) {
            tree(c.size(), "the checkpoint of tree size " + c.size() + " is not a signed checkpoint: "
                    + e.getMessage());
            return;
        }
        String signedRoot = HexFormat.of().formatHex(note.root());
        if (note.size() != c.size() || !signedRoot.equals(c.rootHex())) {
            tree(c.size(), "the checkpoint row says tree size " + c.size() + " and root " + c.rootHex()
                    + ", its signed note " + note.size() + " and " + signedRoot + ": the row was altered");
        }
        if (!Arrays.equals(root, note.root())) {
            tree(c.size(), "the first " + c.size() + " leaves hash to " + HexFormat.of().formatHex(root) + ", not to "
                    + "the signed root " + signedRoot + ": leaves were altered, deleted, inserted or reordered");
        }
    }

    Result finish() {
        checkpointsUpTo(Long.MAX_VALUE);
        if (nextCheckpoint < checkpoints.size()) {
            AuditCheckpoints.Stored c = checkpoints.get(checkpoints.size() - 1);
            tree(c.size(), "a checkpoint covers " + c.size() + " leaves, the tree's table holds " + leaves
                    + ": leaves were deleted from its end");
        }
        List<Verification.ArchiveCheck> checks = new ArrayList<>();
        for (ExportFormat.Archive a : archives) {
            long found = purgedCounts.getOrDefault(a.archiveId(), 0L);
            CompactRange range = purgedRoots.get(a.archiveId());
            String root = TransparencyLog.hex(range == null ? Merkle.emptyRoot() : range.root());
            boolean signed = archivalNoteChecks(a);
            boolean intact = found == a.purgedCount() && root.equals(a.purgedRoot()) && signed;
            if (!intact) {
                tree(a.treeSize(), "purge " + a.archiveId() + " says " + a.purgedCount() + " records with root "
                        + a.purgedRoot() + " were purged; the tree's leaves without a record give " + found
                        + " with root " + root + (signed ? "" : ", and its archival checkpoint does not check"));
            }
            checks.add(new Verification.ArchiveCheck(a.archiveId(), a.archivedAt(), a.recordedBefore(),
                    a.purgedCount(), a.purgedRoot(), found, intact));
        }
        return new Result(leaves, checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).size(),
                checkpointsChecked, purged, List.copyOf(breaks), checks, List.copyOf(recordBreaks));
    }

    private boolean archivalNoteChecks(ExportFormat.Archive a) {
        try {
            SignedNote.Opened opened = SignedNote.open(a.signedNote(), trusted);
            return opened.signedBy().isPresent() && Checkpoint.parse(opened.text()).extensions().contains(
                    ExportVerifier.archivalExtension(a.archiveId(), a.purgedCount(), a.purgedRoot(),
                            a.recordedBefore().toString()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    long breakCount() {
        return breakCount;
    }

    private void tree(long at, String reason) {
        breakCount++;
        if (breaks.size() < maxBreaks) {
            breaks.add(new Verification.TreeBreak(at, reason));
        }
    }

    private void record(AuditLeaves.Leaf leaf, String kind, String reason) {
        breakCount++;
        if (recordBreaks.size() < maxBreaks) {
            recordBreaks.add(new Verification.RecordBreak(kind, leaf.decisionId(), leaf.writerId(), leaf.sequence(),
                    kind.equals(ChainWalk.ALTERED) ? "recordHash" : null, reason));
        }
    }

    /** The complete subtrees of the leaves so far, largest first: the root folds them from the right. */
    static final class CompactRange {
        private final List<byte[]> hashes = new ArrayList<>();
        private final List<Long> sizes = new ArrayList<>();

        void add(byte[] leafHash) {
            byte[] h = leafHash;
            long size = 1;
            while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == size) {
                h = Merkle.nodeHash(hashes.remove(hashes.size() - 1), h);
                sizes.remove(sizes.size() - 1);
                size *= 2;
            }
            hashes.add(h);
            sizes.add(size);
        }

        byte[] root() {
            if (hashes.isEmpty()) {
                return Merkle.emptyRoot();
            }
            byte[] root = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                root = Merkle.nodeHash(hashes.get(i), root);
            }
            return root;
        }
    }
}
