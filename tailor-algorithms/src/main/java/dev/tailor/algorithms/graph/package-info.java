// SPDX-License-Identifier: Apache-2.0
/**
 * Graph-based collaborative filtering: RP3beta (Paudel et al. 2017), item-to-item transition probabilities of a
 * three-step random walk on the user-item graph with a popularity penalty, sparsified to the top k per item and
 * scored over the live history like item-kNN. Trainer, immutable model and config record.
 */
package dev.tailor.algorithms.graph;
