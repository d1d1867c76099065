// SPDX-License-Identifier: Apache-2.0
/** The {@code tailor evaluate} command: splits, trains, evaluates, compares and writes a report folder. */
package dev.tailor.cli.evaluate;
