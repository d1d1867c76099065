// SPDX-License-Identifier: Apache-2.0
/**
 * Cold-start protocols: {@link dev.tailor.eval.coldstart.ColdItems} (new items, never seen in training) and
 * {@link dev.tailor.eval.coldstart.NewCustomers} (customers known by a few interactions only). Each yields an
 * ordinary {@link dev.tailor.eval.split.Split} plus what the evaluation must know about it, and runs through the
 * same harness, metrics and paired significance tests as every other experiment.
 */
package dev.tailor.eval.coldstart;
