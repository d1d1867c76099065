// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.harness;

import dev.tailor.core.error.ValidationException;

/**
 * The sampled-negative protocol (e.g. S3-Rec's 99 or 100 negatives): each test user's relevant items are ranked
 * against {@code negatives} items drawn without replacement from the items the user could be recommended and
 * did not interact with in test, uniformly or in proportion to training popularity. Draws use a generator per
 * user derived from {@code seed}, so they do not depend on the thread count. Sampled metrics are known to
 * disagree with full ranking (Krichene and Rendle, KDD 2020); they are offered for comparison with papers
 * that report them, never as the default.
 *
 * @param negatives negatives per user, >= 1
 * @param byPopularity draw in proportion to training popularity (else uniformly)
 * @param seed draw seed
 */
public record Sampling(int negatives, boolean byPopularity, long seed) {
    public Sampling {
        if (negatives < 1) {
            throw ValidationException.of("negatives", "expected at least 1 sampled negative, got " + negatives);
        }
    }

    public String spec() {
        return negatives + (byPopularity ? " popularity-sampled" : " uniformly sampled") + " negatives, seed " + seed;
    }
}
