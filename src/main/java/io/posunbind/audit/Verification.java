package io.posunbind.audit;

import java.util.List;

import io.posunbind.ruleset.GovernanceCheck;

/**
 * What walking the decision log found.
 *
 * @param recordsChecked   records checked, over all chains
 * @param intact           true when every chain, every rule-set snapshot and the governance log check out
 * @param firstBreak       the first record found broken (chains in writer order, each from its start), or null
 * @param breakCount       how many breaks the decision log has, all counted
 * @param breaks           the first {@code unbind.audit.verify-max-breaks} of them, each with its kind
 * @param chains           each writer's chain: its length and head, to compare with heads noted earlier
 * @param snapshotsChecked rule-set snapshots checked
 * @param snapshotBreaks   snapshots whose files no longer hash to their version
 * @param governanceEventsChecked events of the rule-set governance log checked
 * @param governanceBreaks every event altered, deleted or inserted, and every version or activation row that
 *                         differs from the event that recorded it
 * @param tree             the Merkle tree and its signed checkpoints; null where the store has no tree
 */
public record Verification(long recordsChecked, boolean intact, Break firstBreak, long breakCount,
                           List<RecordBreak> breaks, List<ChainHead> chains,
                           long snapshotsChecked, List<SnapshotBreak> snapshotBreaks, long governanceEventsChecked,
                           List<GovernanceCheck.Break> governanceBreaks, Tree tree) {

    /**
     * The tree's check.
     *
     * @param leavesChecked      leaves walked
     * @param treeSize           the latest checkpoint's tree size
     * @param checkpointsChecked checkpoints whose signature and root were checked
     * @param unsequenced        records not yet leaves (recorded in the last moments, or by an instance that stopped
     *                           first: the next sweep adds them)
     * @param purged             leaves whose record a retention purge removed
     * @param breaks             checkpoints, leaves and purges that do not check out
     * @param archives           each purge: what it says it removed, and what the leaves give
     */
    public record Tree(long leavesChecked, long treeSize, long checkpointsChecked, long unsequenced, long purged,
                       List<TreeBreak> breaks, List<ArchiveCheck> archives) {
    }

    /** A checkpoint, a stretch of leaves or a purge that does not check out, at a tree size or leaf index. */
    public record TreeBreak(long at, String reason) {
    }

    /** One retention purge as verify found it. */
    public record ArchiveCheck(long archiveId, java.time.Instant archivedAt, java.time.Instant recordedBefore,
                               long purgedCount, String purgedRoot, long found, boolean intact) {
    }

    /** A record that does not check out, and why. */
    public record Break(String decisionId, String writerId, long sequence, String reason) {
    }

    /**
     * One break of the decision log.
     *
     * @param kind   {@code altered}, {@code summary-column} (a summary column that disagrees with the hashed answer
     *               or request), {@code deleted}, {@code inserted}, {@code forked} or {@code reordered}
     * @param field  the field, where it can be known
     */
    public record RecordBreak(String kind, String decisionId, String writerId, long sequence, String field,
                              String reason) {
    }

    /** A chain's length and its last record; a chain that later ends earlier, or elsewhere, was cut. */
    public record ChainHead(String writerId, long records, long lastSequence, String lastHash) {
    }

    /** A rule-set snapshot that does not check out. */
    public record SnapshotBreak(String version, String reason) {
    }
}
