// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.debias;

import dev.tailor.core.error.Problem;
import dev.tailor.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Impressions a logging policy showed, one per slot, as columns: impression j showed item {@code items[j]} to
 * user {@code users[j]} with probability {@code propensities[j]} and earned {@code rewards[j]} (1 = click).
 *
 * @param users dense user index per impression
 * @param items dense item index per impression
 * @param propensities the logging policy's probability of showing that item in that slot, in (0, 1]
 * @param rewards observed reward, finite (clicks are 0 or 1)
 */
public record LoggedImpressions(int[] users, int[] items, double[] propensities, double[] rewards) {
    public LoggedImpressions {
        int n = users.length;
        if (items.length != n || propensities.length != n || rewards.length != n) {
            throw ValidationException.of("impressions", "columns differ in length: " + n + " users, " + items.length
                    + " items, " + propensities.length + " propensities, " + rewards.length + " rewards");
        }
        List<Problem> problems = new ArrayList<>();
        for (int j = 0; j < n && problems.size() < 10; j++) {
            if (!(propensities[j] > 0 && propensities[j] <= 1)) {
                problems.add(new Problem("impressions", j + 1, "propensity", "expected a probability in (0, 1], got "
                        + propensities[j] + " (a logging policy that never shows an item cannot tell about it)"));
            }
            if (!Double.isFinite(rewards[j])) {
                problems.add(new Problem("impressions", j + 1, "reward", "expected a finite number, got "
                        + rewards[j]));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    public int size() {
        return users.length;
    }
}
