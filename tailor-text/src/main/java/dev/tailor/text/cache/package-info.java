// SPDX-License-Identifier: Apache-2.0
/**
 * Never encode the same text twice: an {@link dev.tailor.text.cache.EmbeddingCache} seam keyed by (model id,
 * SHA-256 of the text), an in-memory LRU implementation, and {@link dev.tailor.text.cache.CachingTextEncoder},
 * which puts a cache in front of any {@link dev.tailor.core.text.TextEncoder}. A store-backed cache (vectors kept
 * in the database next to the catalog, so a restart re-encodes nothing) is planned for when the store grows a
 * vector table; it only has to implement the two bulk methods of the seam.
 */
package dev.tailor.text.cache;
