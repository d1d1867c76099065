// SPDX-License-Identifier: Apache-2.0
/**
 * Time-decayed popularity ("trending"): each event counts its weight times 2^(-age / half-life), with ages
 * measured back from the snapshot's latest event, so last week's hit outranks last year's.
 */
package dev.tailor.algorithms.trending;
