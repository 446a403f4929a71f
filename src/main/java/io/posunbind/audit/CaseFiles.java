package io.posunbind.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.posunbind.config.UnbindConfig;
import io.posunbind.engine.RuleCatalog;
import io.posunbind.engine.RuleFiles;
import io.posunbind.ruleset.RuleSetEvent;
import io.posunbind.ruleset.RuleSetStore;
import io.posunbind.ruleset.SnapshotIntegrityException;
import io.posunbind.ruleset.StoredVersion;

/**
 * The case file of one decision, for a regulator: a PDF in Chinese and English (openhtmltopdf on PDFBox, with a
 * font that has the CJK glyphs) holding the request, the verdict with every finding, fee, refund, hold and step and
 * its regulation, the rule-set version with its approvals and activations, the text of the rules that fired, the
 * record's integrity, and its inclusion proof with the signed checkpoint and the key's fingerprint. Its JSON twin is
 * the one-decision export that verify-export checks ({@link RecordedDecisions#bundle}).
 */
@ApplicationScoped
public class CaseFiles {
    private static final String FONT = "/fonts/DroidSansFallbackFull.ttf";
    private static final String FONT_FAMILY = "CaseFileSans";

    private final RecordedDecisions decisions;
    private final RuleSetStore ruleSets;
    private final TransparencyLog log;
    private final ZoneId zone;

    @Inject
    CaseFiles(RecordedDecisions decisions, RuleSetStore ruleSets, TransparencyLog log, UnbindConfig config) {
        this.decisions = decisions;
        this.ruleSets = ruleSets;
        this.log = log;
        this.zone = config.decisions().zone();
    }

    /** The case file as PDF bytes; 404 when no such decision is recorded. */
    public byte[] pdf(String decisionId) {
        String html = html(decisionId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font(), FONT_FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The case file of " + decisionId + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    /** The one-decision export that verify-export checks, as a JSON document: {"export": [line, line, ...]}. */
    public RecordedDecisions.Export bundle(String decisionId) {
        RecordedDecisions.Export lines = decisions.bundle(decisionId);
        return out -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            lines.writeTo(buffer);
            String[] each = buffer.toString(StandardCharsets.UTF_8).split("\n");
            out.write("{\"export\":[\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < each.length; i++) {
                out.write(each[i].getBytes(StandardCharsets.UTF_8));
                out.write((i + 1 < each.length ? ",\n" : "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("]}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
    }

    private static InputStream font() {
        InputStream in = CaseFiles.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("The case file's font " + FONT + " is missing from the service");
        }
        return in;
    }

    String html(String decisionId) {
        DecisionRecord record = decisions.record(decisionId);
        JsonNode answer = AnswerDiff.tree(record.answerBody());
        JsonNode request = AnswerDiff.tree(record.requestBody());
        RecordIntegrity integrity = RecordIntegrity.of(record);
        TransparencyLog.Proof proof = log.proof(decisionId);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS xxx").withZone(zone);

        Html h = new Html();
        h.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html><head><meta charset=\"UTF-8\"/><title>")
                .text("Case file " + decisionId).raw("</title><style>").raw(css()).raw("</style></head><body>");
        h.raw("<h1>").text("解绑决定案卷 · Decision case file").raw("</h1>");
        h.raw("<p class=\"sub\">").text("Decision " + decisionId + " · recorded " + when.format(record.recordedAt())
                + " · " + zone).raw("</p>");

        h.section("决定 · The decision");
        h.table(List.of(
                row("裁决 Verdict", answer.path("verdict").asText()),
                row("案件 Case", text(answer.path("caseId"))),
                row("商户 Merchant", record.merchantId()),
                row("评估日期 As of", record.asOf().toString()),
                row("申请人 Requested by", record.requestedBy()),
                row("语言 Language", text(answer.path("language"))),
                row("预计工作日 Business days", days(answer.path("estimatedBusinessDays"))),
                row("记录完整性 Integrity", integrity.status() + (integrity.problem() == null ? ""
                        : ": " + integrity.problem()))));

        h.section("发现 · Findings");
        lines(h, answer.path("findings"), List.of("code", "severity", "subject", "message", "regulation"),
                List.of("代码 Code", "严重性 Severity", "对象 Subject", "说明 Message", "法规 Regulation"));
        if (answer.path("missingDocuments").size() > 0) {
            List<String> missing = new ArrayList<>();
            answer.path("missingDocuments").forEach(d -> missing.add(d.asText()));
            h.raw("<p>").text("缺少的材料 Missing documents: " + String.join(", ", missing)).raw("</p>");
        }

        h.section("费用、退款与冻结 · Fees, refunds and holds");
        lines(h, answer.path("fees"), List.of("code", "amount", "description", "regulation"),
                List.of("费用 Fee", "金额 Amount (CNY)", "说明 Description", "法规 Regulation"));
        lines(h, answer.path("refunds"), List.of("code", "amount", "description", "regulation"),
                List.of("退款 Refund", "金额 Amount (CNY)", "说明 Description", "法规 Regulation"));
        lines(h, answer.path("holds"), List.of("code", "amount", "releaseAfterDays", "regulation"),
                List.of("冻结 Hold", "金额 Amount (CNY)", "释放天数 Release after days", "法规 Regulation"));
        JsonNode totals = answer.path("totals");
        h.table(List.of(row("费用合计 Fees", money(totals.path("fees"))),
                row("退款合计 Refunds", money(totals.path("refunds"))),
                row("净额 Net", money(totals.path("net")) + " " + totals.path("currency").asText())));

        h.section("步骤 · Steps");
        lines(h, answer.path("steps"), List.of("order", "code", "description", "regulation"),
                List.of("顺序 Order", "步骤 Step", "说明 Description", "法规 Regulation"));

        h.section("规则集 · The rule set");
        ruleSet(h, record.rulesetVersion(), answer.path("firedRules"));

        h.section("申请 · The request as received");
        h.raw("<pre>").text(request.toPrettyString()).raw("</pre>");

        h.section("存证证明 · Inclusion proof (RFC 9162)");
        SignedNote.Verifier key = log.verifier();
        h.table(List.of(row("记录哈希 Record hash", proof.recordHash()),
                row("链 Chain", record.writerId() + " #" + record.sequence()),
                row("叶子 Leaf", proof.leafIndex() + " of " + proof.treeSize()),
                row("叶子哈希 Leaf hash", proof.leafHash()),
                row("根 Root", proof.rootHash()),
                row("公钥 Verifier key", key.encoded()),
                row("公钥指纹 Key fingerprint", "key id " + key.keyIdHex() + ", SHA-256 " + key.fingerprint())));
        h.raw("<p>").text("审计路径 Audit path (bottom first):").raw("</p><pre>")
                .text(String.join("\n", proof.auditPath())).raw("</pre>");
        h.raw("<p>").text("签名的检查点 Signed checkpoint:").raw("</p><pre>").text(proof.checkpoint()).raw("</pre>");
        h.raw("<p class=\"sub\">").text("Check: leaf hash = SHA-256(0x00 || record hash); fold the audit path as RFC "
                + "9162 §2.1.3.2 says; the result is the checkpoint's root, and the checkpoint's signature checks "
                + "with the verifier key. GET /api/v1/decisions/" + decisionId + "/case-file with Accept: "
                + "application/json gives the bundle that verify-export checks.").raw("</p>");
        h.raw("</body></html>");
        return h.toString();
    }

    private void ruleSet(Html h, String version, JsonNode firedRules) {
        StoredVersion stored = ruleSets.find(version).orElse(null);
        List<String[]> rows = new ArrayList<>();
        rows.add(row("版本 Version", version));
        if (stored != null) {
            rows.add(row("来源 Source", stored.source() + (stored.label() == null ? "" : " · " + stored.label())));
            rows.add(row("作者 Stored by", stored.createdBy() + " · " + stored.createdAt()));
        }
        h.table(rows);
        List<RuleSetEvent> events = ruleSets.events(version);
        if (!events.isEmpty()) {
            h.raw("<table><tr><th>").text("事件 Event").raw("</th><th>").text("人 By").raw("</th><th>")
                    .text("时间 At").raw("</th><th>").text("意见 Comment").raw("</th></tr>");
            for (RuleSetEvent e : events) {
                h.raw("<tr><td>").text(e.kind()).raw("</td><td>").text(e.by()).raw("</td><td>")
                        .text(String.valueOf(e.at())).raw("</td><td>").text(e.comment() == null ? "" : e.comment())
                        .raw("</td></tr>");
            }
            h.raw("</table>");
        }
        h.raw("<p>").text("触发的规则 The rules that fired, with their text:").raw("</p>");
        Map<String, RuleCatalog.Rule> catalog;
        try {
            RuleFiles files = ruleSets.files(version);
            catalog = RuleCatalog.of(files).rules();
        } catch (SnapshotIntegrityException e) {
            h.raw("<p class=\"warn\">").text("The stored rule set fails its hash: it was altered after it was "
                    + "stored, so its rule texts are not shown. Run verify.").raw("</p>");
            return;
        }
        for (JsonNode fired : firedRules) {
            RuleCatalog.Rule rule = catalog.get(fired.asText());
            h.raw("<h3>").text(fired.asText()).raw("</h3>");
            if (rule == null) {
                h.raw("<p>").text("(not found in the stored rule set)").raw("</p>");
                continue;
            }
            h.raw("<p class=\"sub\">").text(rule.file() + (rule.regulation() == null ? "" : " · " + rule.regulation()))
                    .raw("</p><pre>").text(rule.text()).raw("</pre>");
        }
    }

    private static void lines(Html h, JsonNode items, List<String> fields, List<String> heads) {
        if (items.size() == 0) {
            h.raw("<p class=\"sub\">").text(heads.get(0) + ": 无 · none").raw("</p>");
            return;
        }
        h.raw("<table><tr>");
        heads.forEach(head -> h.raw("<th>").text(head).raw("</th>"));
        h.raw("</tr>");
        for (JsonNode item : items) {
            h.raw("<tr>");
            for (String field : fields) {
                JsonNode v = item.path(field);
                h.raw("<td>").text(field.equals("amount") ? money(v) : text(v)).raw("</td>");
            }
            h.raw("</tr>");
        }
        h.raw("</table>");
    }

    private static String[] row(String label, String value) {
        return new String[] {label, value == null ? "" : value};
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? "" : v.asText();
    }

    private static String money(JsonNode v) {
        return v.isNumber() ? v.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : text(v);
    }

    private static String days(JsonNode v) {
        return v.isObject() ? v.path("min").asText() + "–" + v.path("max").asText() : "—";
    }

    private static String css() {
        return "@page { size: A4; margin: 16mm 14mm; @bottom-right { content: counter(page) ' / ' counter(pages); "
                + "font-family: " + FONT_FAMILY + "; font-size: 8pt; } }"
                + "body { font-family: " + FONT_FAMILY + "; font-size: 9pt; color: #111; }"
                + "h1 { font-size: 16pt; margin: 0 0 2mm 0; } h2 { font-size: 11pt; margin: 5mm 0 1.5mm 0; "
                + "border-bottom: 0.5pt solid #555; } h3 { font-size: 9pt; margin: 3mm 0 1mm 0; }"
                + ".sub { color: #555; font-size: 8pt; } .warn { color: #a00; }"
                + "table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm 0; }"
                + "th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; "
                + "word-wrap: break-word; } th { background: #eee; }"
                + "pre { font-family: " + FONT_FAMILY + "; font-size: 7pt; white-space: pre-wrap; "
                + "word-wrap: break-word; background: #f6f6f6; padding: 1.5mm; border: 0.5pt solid #ddd; }";
    }

    /** XHTML, every text escaped. */
    private static final class Html {
        private final StringBuilder out = new StringBuilder();

        Html raw(String markup) {
            out.append(markup);
            return this;
        }

        Html text(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    default -> {
                        if (c >= 0x20 || c == '\n' || c == '\t') {
                            out.append(c);
                        }
                    }
                }
            }
            return this;
        }

        void section(String title) {
            raw("<h2>").text(title).raw("</h2>");
        }

        void table(List<String[]> rows) {
            raw("<table>");
            for (String[] r : rows) {
                raw("<tr><th style=\"width: 32%\">").text(r[0]).raw("</th><td>").text(r[1]).raw("</td></tr>");
            }
            raw("</table>");
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
