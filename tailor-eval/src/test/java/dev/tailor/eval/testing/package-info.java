// SPDX-License-Identifier: Apache-2.0
/** Test data for the evaluation module: synthetic snapshots and readers of the shared real datasets. */
package dev.tailor.eval.testing;
