// SPDX-License-Identifier: Apache-2.0
package dev.tailor.eval.fairness;

import dev.tailor.eval.stats.MeanCi;
import dev.tailor.eval.stats.WelchTest;

/**
 * One user group's accuracy against everyone else's.
 *
 * @param grouping e.g. "gender"
 * @param group e.g. "F"
 * @param inGroup mean and 95% CI over the group's test users
 * @param rest mean and 95% CI over the other test users that have a group in this grouping
 * @param gap inGroup minus rest, with its 95% CI and Welch test
 */
public record GroupGap(String grouping, String group, MeanCi inGroup, MeanCi rest, WelchTest gap) {
}
