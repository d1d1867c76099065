// SPDX-License-Identifier: Apache-2.0
/**
 * The training loop every encoder shares: next-item softmax cross-entropy (full or with sampled negatives),
 * mini-batch gradient accumulation over threads, Adam, per-epoch validation with early stopping on NDCG@10,
 * learning curves as CSV and PNG, and optional starting item embeddings from outside vectors ({@link
 * dev.tailor.sequential.train.ItemInit}: language-model vectors of the item texts, reduced by PCA).
 */
package dev.tailor.sequential.train;
