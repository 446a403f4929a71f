package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignedNoteTest {

    /** A note and its verifier key published with an implementation of the format outside this project. */
    @Test
    void checksANoteSignedElsewhere() {
        String note = "This is an example message.\n\n"
                + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuw"
                + "HjG1Yu72IneyaQM=\n";
        SignedNote.Verifier key = SignedNote.Verifier.parse(
                "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        SignedNote.Opened opened = SignedNote.open(note, List.of(key));
        assertThat(opened.signedBy()).contains(key);
        assertThat(opened.text()).isEqualTo("This is an example message.\n");
        assertThat(SignedNote.open(note.replace("example message", "exemplary message"), List.of(key)).signedBy())
                .isEmpty();
    }

    @Test
    void signsACheckpointThatOpensWithItsKeyOnly() {
        SignedNote.Signer signer = SignedNote.Signer.generate("posunbind.test/log");
        Checkpoint checkpoint = new Checkpoint("posunbind.test/log", 42, Merkle.emptyRoot());
        String note = signer.sign(checkpoint.text());
        assertThat(note).startsWith("posunbind.test/log\n42\n" + Base64.getEncoder().encodeToString(
                Merkle.emptyRoot()) + "\n\n\u2014 posunbind.test/log ");
        SignedNote.Opened opened = SignedNote.open(note, List.of(signer.verifier()));
        assertThat(opened.signedBy()).contains(signer.verifier());
        assertThat(Checkpoint.parse(opened.text())).usingRecursiveComparison().isEqualTo(checkpoint);

        SignedNote.Signer other = SignedNote.Signer.generate("posunbind.test/log");
        assertThat(SignedNote.open(note, List.of(other.verifier())).signedBy()).isEmpty();
        assertThat(SignedNote.open(note.replace("\n42\n", "\n43\n"), List.of(signer.verifier())).signedBy())
                .isEmpty();
    }

    @Test
    void keysRoundTripThroughTheirTextAndABrokenOneIsNamed() {
        SignedNote.Signer signer = SignedNote.Signer.generate("posunbind.test/log");
        SignedNote.Signer read = SignedNote.Signer.parse(signer.encoded(), signer.verifier().encoded());
        assertThat(SignedNote.open(read.sign("x\n"), List.of(signer.verifier())).signedBy()).isPresent();
        SignedNote.Signer other = SignedNote.Signer.generate("posunbind.test/log");
        assertThatThrownBy(() -> SignedNote.Signer.parse(signer.encoded(), other.verifier().encoded()))
                .hasMessageContaining("is not the signing key's");
        assertThatThrownBy(() -> SignedNote.Verifier.parse("a+00000000+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"))
                .hasMessageContaining("is not its key's");
        assertThatThrownBy(() -> SignedNote.open("no signatures\n", List.of())).hasMessageContaining("blank line");
    }
}
