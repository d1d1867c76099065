// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ShopRandomTest {

    @Test
    void matchesTheReferenceSplitMix64Sequence() {
        // First outputs of the reference C implementation (Vigna, splitmix64.c) for seed 0.
        ShopRandom r = new ShopRandom(0);
        assertThat(r.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(r.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(r.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void entityStreamsDependOnSeedKindAndIndex() {
        long a = ShopRandom.forEntity(42, Kinds.CUSTOMER, 7).nextLong();
        assertThat(ShopRandom.forEntity(42, Kinds.CUSTOMER, 7).nextLong()).isEqualTo(a);
        assertThat(ShopRandom.forEntity(43, Kinds.CUSTOMER, 7).nextLong()).isNotEqualTo(a);
        assertThat(ShopRandom.forEntity(42, Kinds.ITEM, 7).nextLong()).isNotEqualTo(a);
        assertThat(ShopRandom.forEntity(42, Kinds.CUSTOMER, 8).nextLong()).isNotEqualTo(a);
    }

    @Property
    void nextIntStaysInBounds(@ForAll long seed, @ForAll @IntRange(min = 1) int bound) {
        ShopRandom r = new ShopRandom(seed);
        for (int k = 0; k < 20; k++) {
            assertThat(r.nextInt(bound)).isBetween(0, bound - 1);
        }
    }

    @Property
    void nextDoubleIsInUnitInterval(@ForAll long seed) {
        ShopRandom r = new ShopRandom(seed);
        for (int k = 0; k < 20; k++) {
            assertThat(r.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    @Test
    void rejectsNonPositiveBounds() {
        assertThatThrownBy(() -> new ShopRandom(1).nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Binary search over prefix sums must pick exactly what a linear scan over the weights picks. */
    @Property
    void pickCumulativeAgreesWithLinearScan(@ForAll long seed,
            @ForAll @Size(min = 1, max = 40) double[] rawWeights) {
        int n = rawWeights.length;
        double[] weights = new double[n];
        double[] cumulative = new double[n + 3];
        double c = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = Math.abs(rawWeights[i]) % 10 + 0.01;
            c += weights[i];
            cumulative[i + 3] = c;
        }
        ShopRandom fast = new ShopRandom(seed);
        ShopRandom oracle = new ShopRandom(seed);
        for (int k = 0; k < 10; k++) {
            int picked = fast.pickCumulative(cumulative, 3, n);
            double r = oracle.nextDouble() * c;
            int expected = 0;
            double acc = 0;
            for (int i = 0; i < n; i++) {
                acc += weights[i];
                if (r < acc) {
                    expected = i;
                    break;
                }
                expected = i;
            }
            assertThat(picked).isEqualTo(expected);
        }
    }

    @Property
    void pickNeverChoosesAZeroWeight(@ForAll long seed, @ForAll @Size(min = 1, max = 20) boolean[] zero) {
        double[] w = new double[zero.length];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = zero[i] ? 0 : 1 + i;
            total += w[i];
        }
        int picked = new ShopRandom(seed).pick(w, w.length, total);
        if (total == 0) {
            assertThat(picked).isEqualTo(-1);
        } else {
            assertThat(w[picked]).isPositive();
        }
    }

    @Test
    void drawsHaveTheirDocumentedMoments() {
        ShopRandom r = new ShopRandom(2024);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        double expSum = 0;
        long geoSum = 0;
        int[] counts = new int[10];
        for (int k = 0; k < n; k++) {
            double g = r.nextGaussian();
            sum += g;
            sumSq += g * g;
            expSum += r.nextExponential(30.0);
            geoSum += r.nextGeometric(4.0);
            counts[r.nextInt(10)]++;
        }
        assertThat(sum / n).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(sumSq / n).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(expSum / n).isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat((double) geoSum / n).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.08));
        for (int c : counts) {
            assertThat(c).isBetween(n / 10 - 800, n / 10 + 800);
        }
    }

    @Property
    void geometricWithZeroMeanIsZero(@ForAll long seed, @ForAll @DoubleRange(min = -5, max = 0) double mean) {
        assertThat(new ShopRandom(seed).nextGeometric(mean)).isZero();
    }
}
