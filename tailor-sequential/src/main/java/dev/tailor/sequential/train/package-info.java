// SPDX-License-Identifier: Apache-2.0
/**
 * The training loop every encoder shares: next-item softmax cross-entropy (full or with sampled negatives),
 * mini-batch gradient accumulation over threads, Adam, per-epoch validation with early stopping on NDCG@10,
 * and learning curves as CSV and PNG.
 */
package dev.tailor.sequential.train;
