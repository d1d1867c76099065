// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void normalizesAHandComputedVector() {
        float[] v = {3, 4};
        Vectors.l2NormalizeInPlace(v);
        assertThat(v).containsExactly(0.6f, 0.8f);
    }

    @Test
    void zeroVectorStaysZero() {
        float[] v = new float[4];
        Vectors.l2NormalizeInPlace(v);
        assertThat(v).containsOnly(0f);
    }

    @Test
    void cosineOfHandComputedVectors() {
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {1, 1})).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(Vectors.dot(new float[] {1, 2, 3}, new float[] {4, 5, 6})).isEqualTo(32.0);
        assertThat(Vectors.cosine(new float[] {0, 0}, new float[] {1, 1})).isZero();
    }

    @Test
    void rejectsVectorsOfDifferentLength() {
        assertThatThrownBy(() -> Vectors.dot(new float[2], new float[3])).hasMessageContaining("2 vs 3");
    }

    @Property
    void normalizedVectorHasUnitLengthAndTheSameDirection(
            @ForAll @Size(min = 1, max = 64) float @FloatRange(min = -1e3f, max = 1e3f) [] v) {
        double norm = Math.sqrt(Vectors.dot(v, v));
        float[] n = v.clone();
        Vectors.l2NormalizeInPlace(n);
        if (norm == 0) {
            assertThat(n).containsOnly(0f);
            return;
        }
        // Oracle: divide by the double-precision norm element by element.
        for (int i = 0; i < v.length; i++) {
            assertThat((double) n[i]).isCloseTo(v[i] / norm, within(1e-5));
        }
        assertThat(Vectors.dot(n, n)).isCloseTo(1.0, within(1e-5));
    }
}
