package io.posunbind.audit;

import static io.posunbind.security.TestUsers.asAuditor;
import static io.posunbind.security.TestUsers.asClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The case file of a worked example with fees and a refund, in Chinese: the PDF's text is extracted with PDFBox and
 * holds the verdict, every fee and the proof; its first page is rendered to target/case-file-page-1.png (the image in
 * docs/audit.md); the JSON bundle passes verify-export's check.
 */
@QuarkusTest
class CaseFileApiTest {

    @Test
    void thePdfHoldsTheVerdictEveryFeeAndTheProofAndTheBundleVerifiesOffline() throws Exception {
        JsonNode example = RequestJson.read(Files.readString(Path.of(
                "rules/tests/examples/01-switch-provider-deposit-refund.json")));
        String answerText = asClient().contentType(ContentType.JSON).header("Accept-Language", "zh-CN")
                .body(example.get("request").toString()).when().post("/api/v1/decisions")
                .then().statusCode(200).extract().asString();
        JsonNode answer = RequestJson.read(answerText);
        String id = answer.get("decisionId").asText();

        byte[] pdf = asAuditor().accept("application/pdf").when().get("/api/v1/decisions/" + id + "/case-file")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();

        JsonNode proof = RequestJson.read(asAuditor().when().get("/api/v1/decisions/" + id + "/proof").then()
                .statusCode(200).extract().asString());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // table cells wrap, and the extracted text breaks lines inside words: compare without white space
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("解绑决定案卷", "Decisioncasefile", id);
            assertThat(text).contains("裁决Verdict" + answer.get("verdict").asText());
            assertThat(answer.get("fees")).isNotEmpty();
            for (JsonNode fee : answer.get("fees")) {
                assertThat(text).contains(fee.get("code").asText());
                assertThat(text).contains(fee.get("amount").decimalValue().setScale(2).toPlainString());
                assertThat(text).contains(fee.get("description").asText().replaceAll("\\s+", ""));
                assertThat(text).contains(fee.get("regulation").asText().replaceAll("\\s+", ""));
            }
            for (JsonNode refund : answer.get("refunds")) {
                assertThat(text).contains(refund.get("code").asText());
            }
            assertThat(text).contains(proof.get("leafHash").asText(), proof.get("rootHash").asText());
            for (JsonNode fired : answer.get("firedRules")) {
                assertThat(text).contains(fired.asText().replaceAll("\\s+", ""));
            }
            assertThat(text).contains("rule\"");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path image = Path.of("target/case-file-page-1.png");
            ImageIO.write(page, "png", image.toFile());
            assertThat(Files.size(image)).isPositive();
        }

        String bundle = asAuditor().accept("application/json").when().get("/api/v1/decisions/" + id + "/case-file")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        assertThat(RequestJson.read(bundle).get("export")).hasSizeGreaterThanOrEqualTo(4);
        String key = asAuditor().when().get("/api/v1/audit/public-key").then().statusCode(200).extract().asString();
        ExportVerifier.Report report = ExportVerifier.verify(new BufferedReader(new StringReader(bundle)),
                List.of(SignedNote.Verifier.parse(key)));
        assertThat(report.problems()).isEmpty();
        assertThat(report.decisions()).isEqualTo(1);
        assertThat(report.covered()).isEqualTo(1);

        asAuditor().accept("application/pdf").when().get("/api/v1/decisions/no-such-decision/case-file")
                .then().statusCode(404);
    }
}
