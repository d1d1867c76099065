// SPDX-License-Identifier: Apache-2.0
/**
 * User-based k-nearest-neighbours (Herlocker et al. 1999; the UserKNN-CF of Dacrema et al. 2019): a user's
 * score for an item is the similarity-weighted sum of their k most similar users' interactions with it.
 * Neighbours of training users are precomputed; a visitor unknown at training time (or, with {@code
 * fold-in=true}, any user) gets neighbours computed from the current context on the fly.
 */
package dev.tailor.algorithms.userknn;
