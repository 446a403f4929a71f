package io.posunbind.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The lines of an audit export (JSON Lines), enough to check every record, every chain and the signed tree root
 * with no database: {@code verify-export} reads them back ({@link ExportVerifier}). In order:
 * <ol>
 *   <li>{@code {"export": {...}}}: the format, the log's origin and verifier key, the range, the tree size;</li>
 *   <li>one line per decision: the shape of getDecision, with its {@code leafIndex} in the tree and
 *       {@code recorded}, every hashed column as stored, the bodies as base64 of their exact bytes;</li>
 *   <li>{@code {"node": {"start", "end", "hash"}}}: the hash of each largest subtree holding no exported
 *       decision, so the root can be recomputed from the exported records and these;</li>
 *   <li>{@code {"checkpoint": "<signed note>"}}: the checkpoint the tree is checked against;</li>
 *   <li>{@code {"archive": {...}}}: each retention purge, with its signed archival checkpoint;</li>
 *   <li>{@code {"end": {"decisions", "nodes"}}}: the counts, so a cut export is known.</li>
 * </ol>
 */
final class ExportFormat {
    static final String FORMAT = "unbind-audit-export-v1";

    private ExportFormat() {
    }

    record Header(String format, String origin, String publicKey, Instant exportedAt, String from, String to,
                  long treeSize) {
    }

    record HeaderLine(Header export) {
    }

    /** Every column the record hash covers, as stored; the bodies as base64 of their bytes. */
    record Recorded(String decisionId, String writerId, long sequence, String recordedAt, String requestedBy,
                    String idempotencyKey, String rulesetVersion, LocalDate asOf, String caseId, String merchantId,
                    String verdict, String requestBody, String answerBody, String previousHash, String recordHash) {
        static Recorded of(DecisionRecord r) {
            Base64.Encoder b64 = Base64.getEncoder();
            return new Recorded(r.decisionId(), r.writerId(), r.sequence(), RecordHash.timestamp(r.recordedAt()),
                    r.requestedBy(), r.idempotencyKey(), r.rulesetVersion(), r.asOf(), r.caseId(), r.merchantId(),
                    r.verdict(), b64.encodeToString(r.requestBody()), b64.encodeToString(r.answerBody()),
                    r.previousHash(), r.hash());
        }

        DecisionRecord record() {
            Base64.Decoder b64 = Base64.getDecoder();
            return new DecisionRecord(decisionId, writerId, sequence, Instant.parse(recordedAt), requestedBy,
                    idempotencyKey, rulesetVersion, asOf, caseId, merchantId, verdict, b64.decode(requestBody),
                    b64.decode(answerBody), previousHash, recordHash);
        }
    }

    record DecisionLine(@JsonUnwrapped RecordView decision, Long leafIndex, Recorded recorded) {
        static DecisionLine of(DecisionRecord r, Long leafIndex) {
            return new DecisionLine(RecordView.of(r), leafIndex, Recorded.of(r));
        }
    }

    record Node(long start, long end, String hash) {
    }

    record NodeLine(Node node) {
    }

    record CheckpointLine(String checkpoint) {
    }

    /** One purge: what verify counts among the leaves whose record is gone. */
    record Archive(long archiveId, Instant archivedAt, String archivedBy, Instant recordedBefore, long purgedCount,
                   String purgedRoot, long treeSize, String signedNote) {
    }

    record ArchiveLine(Archive archive) {
    }

    record End(long decisions, long nodes) {
    }

    record EndLine(End end) {
    }
}
