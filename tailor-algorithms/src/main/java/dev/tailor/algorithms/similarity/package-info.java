// SPDX-License-Identifier: Apache-2.0
/**
 * Neighbourhood machinery shared by item-kNN and user-kNN: similarity measures with shrinkage ({@link
 * dev.tailor.algorithms.similarity.SimilarityMeasure}), TF-IDF / BM25 re-weighting of the interaction matrix
 * ({@link dev.tailor.algorithms.similarity.FeatureWeighting}), the multi-threaded sparse top-k search ({@link
 * dev.tailor.algorithms.similarity.NeighbourSearch}) and its result, a flat CSR table of neighbours ({@link
 * dev.tailor.algorithms.similarity.Neighbours}).
 */
package dev.tailor.algorithms.similarity;
