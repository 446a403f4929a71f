package io.posunbind.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The service's tree, root and proofs held against the independent RFC 9162 checker. */
class MerkleTest {

    private static List<byte[]> data(int n) {
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            data.add(Rfc9162Checker.sha256(("record " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return data;
    }

    /** Nodes straight from the leaf data, as the checker computes them. */
    private static Merkle.Nodes nodes(List<byte[]> data) {
        return (start, end) -> Rfc9162Checker.mth(data.subList((int) start, (int) end));
    }

    @Test
    void rootsMatchTheDefinition() {
        List<byte[]> data = data(70);
        for (int n = 0; n <= 70; n++) {
            assertThat(Merkle.root(nodes(data), n)).as("size %d", n)
                    .isEqualTo(Rfc9162Checker.mth(data.subList(0, n)));
        }
    }

    @Test
    void everyInclusionProofChecksAndAWrongOneDoesNot() {
        List<byte[]> data = data(40);
        for (int n = 1; n <= 40; n++) {
            byte[] root = Rfc9162Checker.mth(data.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Merkle.inclusionPath(nodes(data), m, n);
                assertThat(Rfc9162Checker.verifyInclusion(m, n, Rfc9162Checker.leaf(data.get(m)), path, root))
                        .as("leaf %d of %d", m, n).isTrue();
                int other = (m + 1) % n;
                if (other != m) {
                    assertThat(Rfc9162Checker.verifyInclusion(other, n, Rfc9162Checker.leaf(data.get(m)), path, root))
                            .as("leaf %d's path for leaf %d of %d", m, other, n).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofChecksAndAnotherRootDoesNot() {
        List<byte[]> data = data(40);
        for (int n = 1; n <= 40; n++) {
            byte[] second = Rfc9162Checker.mth(data.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] first = Rfc9162Checker.mth(data.subList(0, m));
                List<byte[]> proof = Merkle.consistencyProof(nodes(data), m, n);
                assertThat(Rfc9162Checker.verifyConsistency(m, n, first, second, proof)).as("%d to %d", m, n)
                        .isTrue();
                if (m < n) {
                    byte[] forged = Rfc9162Checker.mth(data.subList(1, m + 1));
                    assertThat(Rfc9162Checker.verifyConsistency(m, n, forged, second, proof))
                            .as("%d to %d from another tree", m, n).isFalse();
                }
            }
        }
    }

    @Test
    void theCachedTreeAgreesAcrossTileEdges() throws Exception {
        List<byte[]> data = data(1300);
        List<byte[]> leafHashes = data.stream().map(Rfc9162Checker::leaf).toList();
        int[] reads = new int[1];
        TreeCache tree = new TreeCache((from, to) -> {
            reads[0]++;
            return leafHashes.subList((int) from, (int) to);
        });
        for (int n : new int[] {1, 2, 255, 256, 257, 511, 512, 513, 1024, 1299, 1300}) {
            tree.extendTo(n);
            byte[] root = Rfc9162Checker.mth(data.subList(0, n));
            assertThat(tree.root(n)).as("root of %d", n).isEqualTo(root);
            for (int m : new int[] {0, n / 3, n / 2, n - 1}) {
                assertThat(Rfc9162Checker.verifyInclusion(m, n, leafHashes.get(m), tree.inclusionPath(m, n), root))
                        .as("leaf %d of %d", m, n).isTrue();
            }
            for (int m : new int[] {1, n / 2 + 1, n}) {
                if (m <= n) {
                    byte[] first = Rfc9162Checker.mth(data.subList(0, m));
                    assertThat(Rfc9162Checker.verifyConsistency(m, n, first, root, tree.consistencyProof(m, n)))
                            .as("%d to %d", m, n).isTrue();
                }
            }
        }
        // every root so far, of smaller trees too, from the one cache
        assertThat(tree.root(700)).isEqualTo(Rfc9162Checker.mth(data.subList(0, 700)));
    }
}
