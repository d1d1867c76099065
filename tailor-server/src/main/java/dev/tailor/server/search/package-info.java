// SPDX-License-Identifier: Apache-2.0
/**
 * Text retrieval for the search scene and text neighbours for the similar scene: an in-memory Lucene BM25 index
 * with Chinese and English analysis ({@link dev.tailor.server.search.SearchIndex}), the catalog's item-text vectors
 * from the store's embedding cache with the language model that encodes queries and new items
 * ({@link dev.tailor.server.search.SemanticIndex} over exact {@link dev.tailor.server.search.DenseIndex}es), and their
 * reciprocal-rank fusion ({@link dev.tailor.server.search.SemanticSearch}), which is BM25 alone while the catalog has
 * no vectors.
 */
package dev.tailor.server.search;
