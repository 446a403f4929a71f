package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The stored bodies keep the exact bytes, in far fewer bytes, and read every older record as it was written. */
class StoredBodyTest {

    @Test
    void everyWorkedExampleRoundTripsByteForByteInAFractionOfItsSize() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("rules/tests/examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        long raw = 0;
        long packed = 0;
        for (Path example : examples) {
            byte[] body = Files.readAllBytes(example);
            byte[] stored = StoredBody.pack(body);
            assertThat(StoredBody.unpack(stored)).isEqualTo(body);
            raw += body.length;
            packed += stored.length;
        }
        assertThat(examples).hasSize(8);
        assertThat(packed).as("deflated against the dictionary: under a fifth").isLessThan(raw / 5);
    }

    @Test
    void aBodyThatDoesNotShrinkIsKeptAsItIsAndSoIsEveryRecordFromBefore() {
        byte[] tiny = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(StoredBody.pack(tiny)).isSameAs(tiny);
        byte[] older = "{\"verdict\":\"APPROVED\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(StoredBody.unpack(older)).isSameAs(older);
        assertThat(StoredBody.unpack(new byte[0])).isEmpty();
        assertThat(StoredBody.unpack(null)).isNull();
    }

    @Test
    void aColumnThatNoLongerInflatesIsReadAsItIsSoItsHashFails() {
        byte[] body = "{\"verdict\":\"APPROVED\",\"steps\":[{\"code\":\"CONTACT_PROVIDER\"}],\"totals\":{\"fees\":50.0}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] stored = StoredBody.pack(body);
        assertThat(stored[0]).isZero();
        byte[] cut = java.util.Arrays.copyOf(stored, stored.length - 3);
        assertThat(StoredBody.unpack(cut)).isNotEqualTo(body);
        byte[] unknownVersion = stored.clone();
        unknownVersion[1] = 9;
        assertThat(StoredBody.unpack(unknownVersion)).isSameAs(unknownVersion);
        for (int i = 2; i < stored.length - 1; i++) {
            byte[] flipped = stored.clone();
            flipped[i] ^= 0x01;
            assertThat(StoredBody.unpack(flipped)).as("bit flipped at %d", i).isNotEqualTo(body);
        }
    }

    @Test
    void theDictionaryNeverChangesForStoredRecordsNeedIt() throws IOException, NoSuchAlgorithmException {
        try (InputStream in = StoredBody.class.getClassLoader().getResourceAsStream("audit/body-dictionary-1.txt")) {
            assertThat(in).isNotNull();
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            assertThat(sha).as("a new dictionary is a new version beside this one, never an edit of it")
                    .isEqualTo("393bf400a870af8931798b7979c724864d57054b546af78054fa910ae70f8a9c");
        }
    }
}
