// SPDX-License-Identifier: Apache-2.0
/**
 * Opt-in measurements on the real Amazon files (run with {@code -Dtailor.bench=true}): training times and a
 * small leave-one-out full-ranking harness used to tune item-kNN before the evaluation module existed. The
 * harness follows the S3-Rec / ICLRec protocol: last item test, second-last validation, earlier items train,
 * every item ranked with the user's history masked. {@link dev.tailor.algorithms.bench.FactorBench} times the
 * factorization models on synthetic power-law matrices (a main, run by hand).
 */
package dev.tailor.algorithms.bench;
