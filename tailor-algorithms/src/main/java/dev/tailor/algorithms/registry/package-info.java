// SPDX-License-Identifier: Apache-2.0
/**
 * Algorithms by name: {@link dev.tailor.algorithms.registry.Algorithms} turns a spec string such as
 * {@code item-knn:k=100,sim=cosine,shrink=10} into a trainer and lists each algorithm's parameter space for
 * hyper-parameter search; {@link dev.tailor.algorithms.registry.ModelIO} writes and reads trained models in a
 * versioned, checksummed binary format, dispatching on the algorithm name in the file header.
 */
package dev.tailor.algorithms.registry;
