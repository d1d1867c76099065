// SPDX-License-Identifier: Apache-2.0
/**
 * Benchmark mains for the factorization models (test scope: run by hand, never by the test suite). See
 * {@link dev.tailor.algorithms.bench.FactorBench} for the commands.
 */
package dev.tailor.algorithms.bench;
