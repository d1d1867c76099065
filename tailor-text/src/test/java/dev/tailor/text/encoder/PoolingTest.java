// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PoolingTest {
    /** Batch of 2 rows, 3 tokens, dim 2; row 1's last token is padding. */
    private static final float[] HIDDEN = {
        1, 2, /**/ 3, 4, /**/ 5, 6,
        10, 20, /**/ 30, 40, /**/ 99, 99};
    private static final long[] MASK = {1, 1, 1, 1, 1, 0};

    @Test
    void clsTakesTheFirstTokenOfTheRow() {
        float[] out = new float[2];
        Pooling.CLS.pool(HIDDEN, 1, 3, 2, MASK, out);
        assertThat(out).containsExactly(10, 20);
    }

    @Test
    void meanAveragesRealTokensAndIgnoresPadding() {
        float[] out = new float[2];
        Pooling.MEAN.pool(HIDDEN, 0, 3, 2, MASK, out);
        assertThat(out).containsExactly(3, 4);
        Pooling.MEAN.pool(HIDDEN, 1, 3, 2, MASK, out);
        assertThat(out).containsExactly(20, 30);
    }

    @Test
    void meanOfAFullyMaskedRowIsZero() {
        float[] out = {7, 7};
        Pooling.MEAN.pool(new float[] {1, 2}, 0, 1, 2, new long[] {0}, out);
        assertThat(out).containsExactly(0, 0);
    }

    record Batch(int rows, int seqLen, int dim, float[] hidden, long[] mask) {
    }

    @Provide
    Arbitrary<Batch> batches() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(1, 5)).flatAs((rows, seqLen, dim) -> Combinators.combine(
                        Arbitraries.floats().between(-10, 10).array(float[].class).ofSize(rows * seqLen * dim),
                        Arbitraries.longs().between(0, 1).array(long[].class).ofSize(rows * seqLen))
                .as((hidden, mask) -> new Batch(rows, seqLen, dim, hidden, mask)));
    }

    @Property
    void meanMatchesADoublePrecisionOracle(@ForAll("batches") Batch b) {
        float[] out = new float[b.dim()];
        for (int r = 0; r < b.rows(); r++) {
            Pooling.MEAN.pool(b.hidden(), r, b.seqLen(), b.dim(), b.mask(), out);
            double[] expected = new double[b.dim()];
            int count = 0;
            for (int t = 0; t < b.seqLen(); t++) {
                if (b.mask()[r * b.seqLen() + t] == 1) {
                    count++;
                    for (int j = 0; j < b.dim(); j++) {
                        expected[j] += b.hidden()[(r * b.seqLen() + t) * b.dim() + j];
                    }
                }
            }
            for (int j = 0; j < b.dim(); j++) {
                double e = count == 0 ? 0 : expected[j] / count;
                assertThat((double) out[j]).isCloseTo(e, within(1e-4));
            }
        }
    }

    @Property
    void clsMatchesTheFirstTokenWhateverTheMask(@ForAll("batches") Batch b) {
        float[] out = new float[b.dim()];
        for (int r = 0; r < b.rows(); r++) {
            Pooling.CLS.pool(b.hidden(), r, b.seqLen(), b.dim(), b.mask(), out);
            for (int j = 0; j < b.dim(); j++) {
                assertThat(out[j]).isEqualTo(b.hidden()[r * b.seqLen() * b.dim() + j]);
            }
        }
    }
}
