// SPDX-License-Identifier: Apache-2.0
/**
 * Test support for the factorization models: naive double-precision oracles (dense solves, inverses,
 * objectives computed the long way) and small data sets with planted structure.
 */
package dev.tailor.algorithms.oracle;
