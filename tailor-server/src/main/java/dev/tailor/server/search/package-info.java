// SPDX-License-Identifier: Apache-2.0
/** Text retrieval for the search scene: an in-memory Lucene index with Chinese and English analysis. */
package dev.tailor.server.search;
