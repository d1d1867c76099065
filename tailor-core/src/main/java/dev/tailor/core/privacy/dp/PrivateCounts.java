// SPDX-License-Identifier: Apache-2.0
package dev.tailor.core.privacy.dp;

import dev.tailor.core.data.EventWeights;
import dev.tailor.core.data.Interactions;
import java.util.random.RandomGenerator;

/**
 * Per-item counts (popularity, trending) released with differential privacy: contributions clipped, the release
 * charged to the budget, noise added, then rounded and clamped at zero. Rounding and clamping are
 * post-processing of a private output and cost no privacy; they make the export look like counts and remove the
 * low-order bits of the noise (see the package notes).
 */
public final class PrivateCounts {
    private PrivateCounts() {
    }

    /**
     * Noisy per-item counts of {@code in}, each event weighted by {@code weights} (e.g.
     * {@link EventWeights#BINARY} for "customers who interacted"), every customer's contribution clipped to
     * {@code bound}.
     *
     * @param label the ledger entry, e.g. "popularity 2026-11-23"
     * @throws dev.tailor.core.error.TailorException when the budget cannot pay for the release (nothing is
     *     released then)
     */
    public static long[] itemCounts(Interactions in, EventWeights weights, ContributionBound bound,
            NoiseMechanism mechanism, PrivacyBudget budget, String label, RandomGenerator random) {
        int nu = in.numUsers();
        int[] ptr = new int[nu + 1];
        int[] items = new int[in.size()];
        float[] w = new float[in.size()];
        int n = 0;
        for (int u = 0; u < nu; u++) {
            for (int k = in.start(u); k < in.end(u); k++) {
                items[n] = in.item(k);
                w[n] = Math.max(0, weights.weight(in.typeOrdinal(k), in.value(k)));
                n++;
            }
            ptr[u + 1] = n;
        }
        double[] exact = bound.clippedCounts(ptr, items, w, in.numItems(), random);
        double[] noisy = budget.release(label, mechanism, exact, random);
        long[] out = new long[noisy.length];
        for (int i = 0; i < noisy.length; i++) {
            out[i] = Math.max(0, Math.round(noisy[i]));
        }
        return out;
    }
}
