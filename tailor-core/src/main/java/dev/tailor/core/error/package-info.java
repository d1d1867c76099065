// SPDX-License-Identifier: Apache-2.0
/** Tailor's exceptions: unchecked, and precise about where bad input is ({@link dev.tailor.core.error.Problem}). */
package dev.tailor.core.error;
