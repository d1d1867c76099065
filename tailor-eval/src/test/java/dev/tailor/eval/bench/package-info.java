// SPDX-License-Identifier: Apache-2.0
/**
 * Benchmark mains run by hand on the shared datasets (never by the test suite): see
 * {@link dev.tailor.eval.bench.FactorQuality}.
 */
package dev.tailor.eval.bench;
