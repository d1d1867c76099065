// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) with the
 * derived draws the generator needs. We do not use {@link java.util.SplittableRandom}: its bounded and Gaussian
 * draws are delegated to {@code RandomSupport}, whose algorithms are not specified and have changed between
 * JDK releases, and the sample shop promises byte-identical output for a seed on every JDK. Every draw here is
 * defined by this file alone, and transcendental functions come from {@link StrictMath} (fdlibm semantics) rather
 * than {@link Math}, whose intrinsics may differ in the last bit between CPUs; the generator's other classes
 * follow the same rule. Not thread-safe; each simulated entity gets its own instance from
 * {@link #forEntity}, which is what makes output independent of thread count and generation order.
 */
final class ShopRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    ShopRandom(long seed) {
        this.state = seed;
    }

    /**
     * The stream for one entity: a customer, an item, a (customer, category) pair. Mixing the three inputs
     * through two finalizer rounds keeps neighbouring indices (customer 7 and 8) statistically unrelated.
     */
    static ShopRandom forEntity(long seed, int kind, long index) {
        return new ShopRandom(entitySeed(seed, kind, index));
    }

    static long entitySeed(long seed, int kind, long index) {
        return mix64(mix64(seed + (kind + 1L) * GOLDEN_GAMMA) ^ (index * 0xD1B54A32D192ED03L + kind));
    }

    /** The SplitMix64 output finalizer (a variant of MurmurHash3's fmix64). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /**
     * Uniform in [0, bound). Lemire's multiply-shift without the rejection step: the bias is below
     * bound / 2^32, invisible for the small bounds used here, and skipping rejection keeps the number of raw
     * draws per call fixed, which makes streams easier to reason about.
     */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, was " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [lo, hi] (both inclusive). */
    int nextInt(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    /** Standard normal by Box-Muller; one value per call (the pair's second value is dropped on purpose, see class doc). */
    double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Exponential with the given mean. */
    double nextExponential(double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /** Geometric on {0, 1, 2, ...} with the given mean (the number of failures before the first success). */
    int nextGeometric(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double p = 1.0 / (1.0 + mean);
        return (int) Math.floor(StrictMath.log(1.0 - nextDouble()) / StrictMath.log(1.0 - p));
    }

    /** Index drawn proportionally to {@code weights[0..n)}, given their {@code total}; -1 when total is 0. */
    int pick(double[] weights, int n, double total) {
        if (total <= 0) {
            return -1;
        }
        double r = nextDouble() * total;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) {
                last = i;
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
        }
        // Rounding can leave r a hair above 0 after the loop; the last positive weight absorbs it.
        return last;
    }

    /**
     * Index {@code i} in [0, n) drawn with probability proportional to {@code cumulative[i] - cumulative[i-1]},
     * by binary search over a non-decreasing prefix-sum array.
     */
    int pickCumulative(double[] cumulative, int from, int n) {
        double total = cumulative[from + n - 1];
        double r = nextDouble() * total;
        int lo = from;
        int hi = from + n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo - from;
    }
}
