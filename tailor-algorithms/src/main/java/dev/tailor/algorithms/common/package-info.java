// SPDX-License-Identifier: Apache-2.0
/**
 * Plumbing shared by every algorithm package: typed parameters and their parsing ({@link
 * dev.tailor.algorithms.common.Param}, {@link dev.tailor.algorithms.common.ParamValues}), config validation
 * that reports every problem at once ({@link dev.tailor.algorithms.common.Checks}), bulk primitive-array I/O
 * for model files ({@link dev.tailor.algorithms.common.BinaryIO}), chunked multi-threading ({@link
 * dev.tailor.algorithms.common.Parallel}) and training-time helpers ({@link
 * dev.tailor.algorithms.common.Training}). Nothing here knows any particular algorithm.
 */
package dev.tailor.algorithms.common;
