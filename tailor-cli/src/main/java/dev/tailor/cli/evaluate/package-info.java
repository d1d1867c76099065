// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code tailor evaluate} command (splits, trains, evaluates, compares and writes a report folder) and
 * {@code tailor tune} (searches a model's parameters on the validation part); {@link
 * dev.tailor.cli.evaluate.SplitOptions} holds the data and split options both take.
 */
package dev.tailor.cli.evaluate;
