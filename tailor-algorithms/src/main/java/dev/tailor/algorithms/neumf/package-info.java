// SPDX-License-Identifier: Apache-2.0
/**
 * Neural matrix factorization (He et al. 2017, "Neural Collaborative Filtering"): a GMF tower and a ReLU MLP
 * tower over user and item embeddings, joined by a logistic output and trained with binary cross-entropy on
 * observed pairs and sampled negatives, in plain Java (Adagrad, one pair per step).
 */
package dev.tailor.algorithms.neumf;
