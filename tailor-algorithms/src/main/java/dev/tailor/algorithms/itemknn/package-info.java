// SPDX-License-Identifier: Apache-2.0
/**
 * Item-based k-nearest-neighbours (Sarwar et al. 2001; Deshpande and Karypis 2004): item-item similarities
 * from co-occurrence in users' histories, the k best neighbours kept per item, and a user's score for a
 * candidate the (recency-weighted) sum of its similarities to the items in the user's current context. The
 * context is read at scoring time, so an event posted seconds ago changes the next list without retraining.
 */
package dev.tailor.algorithms.itemknn;
