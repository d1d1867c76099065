// SPDX-License-Identifier: Apache-2.0
/**
 * Tailor's ALS side by side with Apache Spark MLlib's on the same split, scored by the same evaluator. Spark is a
 * peer for measurement only: this package lives in a module that only the {@code bench} profile builds.
 */
package dev.tailor.bench.spark;
